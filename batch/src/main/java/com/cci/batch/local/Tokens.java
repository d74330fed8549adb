package com.cci.batch.local;

/** Token estimates: about four characters a token, as for English text on Claude models. */
final class Tokens {
  private Tokens() {}

  static int estimate(int chars) {
    return chars <= 0 ? 0 : (chars + 3) / 4;
  }

  static int estimate(String text) {
    return text == null ? 0 : estimate(text.length());
  }
}
