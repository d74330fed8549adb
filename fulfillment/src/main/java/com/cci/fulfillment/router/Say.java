package com.cci.fulfillment.router;

import com.cci.schemas.lex.Message;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * A prompt in two renderings: SSML for voice (a fragment, wrapped in {@code <speak>}; digits read
 * one by one, keypad hints) and plain text for chat. Values put into the voice fragment must go
 * through {@link #esc}, {@link #digits} or {@link #money}.
 *
 * @param voiceSsml SSML fragment (no {@code <speak>})
 * @param chatText plain text
 */
public record Say(String voiceSsml, String chatText) {

  public Say {
    if (voiceSsml == null || voiceSsml.isBlank() || chatText == null || chatText.isBlank()) {
      throw new IllegalArgumentException("a prompt needs both a voice and a chat text");
    }
  }

  /** The same plain sentence for both channels (escaped for SSML). */
  public static Say both(String text) {
    return new Say(esc(text), text);
  }

  /** Voice (SSML fragment) and chat (plain) renderings. */
  public static Say of(String voiceSsml, String chatText) {
    return new Say(voiceSsml, chatText);
  }

  /** This prompt followed by another one. */
  public Say then(Say next) {
    return new Say(voiceSsml + " " + next.voiceSsml, chatText + " " + next.chatText);
  }

  /** This prompt with its first letter upper-cased in both renderings. */
  public Say capitalised() {
    return new Say(upperFirst(voiceSsml), upperFirst(chatText));
  }

  private static String upperFirst(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The Lex message for the channel. */
  public List<Message> messages(boolean voice) {
    return List.of(
        voice ? Message.ssml("<speak>" + voiceSsml + "</speak>") : Message.plainText(chatText));
  }

  /** XML-escapes text content ({@code & < >}) for the voice rendering. */
  public static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Digits read one by one (SSML {@code say-as digits}). */
  public static String digits(String digits) {
    return "<say-as interpret-as=\"digits\">" + esc(digits) + "</say-as>";
  }

  /** A dollar amount as text: {@code $2,543.17}. */
  public static String money(BigDecimal amount) {
    NumberFormat f = NumberFormat.getCurrencyInstance(Locale.US);
    return f.format(amount.setScale(2, RoundingMode.HALF_UP));
  }

  /** A prompt built piece by piece, each piece rendered for both channels. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Say}: plain text is escaped for voice; digits and amounts are spoken well. */
  public static final class Builder {
    private final StringBuilder voice = new StringBuilder();
    private final StringBuilder chat = new StringBuilder();

    /** Plain text in both renderings. */
    public Builder text(String text) {
      voice.append(esc(text));
      chat.append(text);
      return this;
    }

    /** Digits read one by one on voice, as is in chat. */
    public Builder digits(String digits) {
      voice.append(Say.digits(digits));
      chat.append(digits);
      return this;
    }

    /** A dollar amount. */
    public Builder money(BigDecimal amount) {
      return text(Say.money(amount));
    }

    /** A date, e.g. {@code December 5, 2026}. */
    public Builder date(java.time.LocalDate date) {
      return text(
          date.format(java.time.format.DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US)));
    }

    /** Only on voice (an SSML fragment, e.g. a keypad hint or a pause). */
    public Builder voice(String ssml) {
      voice.append(ssml);
      return this;
    }

    /** Only in chat. */
    public Builder chat(String text) {
      chat.append(text);
      return this;
    }

    /** Appends another prompt. */
    public Builder append(Say other) {
      voice.append(other.voiceSsml());
      chat.append(other.chatText());
      return this;
    }

    public Say build() {
      return new Say(voice.toString().trim(), chat.toString().trim());
    }
  }
}
