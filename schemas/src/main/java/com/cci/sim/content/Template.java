package com.cci.sim.content;

import java.util.ArrayList;
import java.util.List;

/**
 * A sentence template with {@code {slot}} placeholders, parsed once at class-load time and filled
 * with a {@link StringBuilder} (no regex, no intermediate strings).
 */
final class Template {
  /** Slot names usable in templates; a template naming any other slot fails to load. */
  enum Slot {
    BANK,
    AGENT,
    CUSTOMER,
    AMOUNT,
    AMOUNT2,
    MERCHANT,
    DAY,
    LAST4,
    CITY,
    LOAN,
    DAYS
  }

  private final String source;
  private final String[] literals; // literals[i] precedes slots[i]; last literal has no slot
  private final Slot[] slots;

  private Template(String source, String[] literals, Slot[] slots) {
    this.source = source;
    this.literals = literals;
    this.slots = slots;
  }

  static Template of(String source) {
    List<String> lits = new ArrayList<>();
    List<Slot> sl = new ArrayList<>();
    int pos = 0;
    while (true) {
      int open = source.indexOf('{', pos);
      if (open < 0) {
        lits.add(source.substring(pos));
        break;
      }
      int close = source.indexOf('}', open);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed slot in template: " + source);
      }
      lits.add(source.substring(pos, open));
      sl.add(Slot.valueOf(source.substring(open + 1, close)));
      pos = close + 1;
    }
    return new Template(source, lits.toArray(new String[0]), sl.toArray(new Slot[0]));
  }

  static Template[] all(String... sources) {
    Template[] t = new Template[sources.length];
    for (int i = 0; i < sources.length; i++) {
      t[i] = of(sources[i]);
    }
    return t;
  }

  void appendTo(StringBuilder sb, String[] values) {
    for (int i = 0; i < slots.length; i++) {
      sb.append(literals[i]).append(values[slots[i].ordinal()]);
    }
    sb.append(literals[literals.length - 1]);
  }

  /** The template text with its placeholders, e.g. for checking phrase lists in tests. */
  String source() {
    return source;
  }

  @Override
  public String toString() {
    return source;
  }
}
