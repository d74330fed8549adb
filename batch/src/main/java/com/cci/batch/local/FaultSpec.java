package com.cci.batch.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which faults to inject and how often, parsed from a spec such as {@code
 * throttle=0.1,500=5%,hang@50,missing-criterion@7,text#1}.
 *
 * <pre>
 * spec  := rule ( ',' rule )*          (empty spec = no faults)
 * rule  := fault '=' rate              a fraction 0..1 or a percentage "5%" of model calls
 *        | fault '@' N                 every N-th model call (N, 2N, 3N, ...)
 *        | fault '#' N                 the N-th model call only
 * fault := throttle|429 | internal|500 | unavailable|503 | model-error|424 | model-timeout|408
 *        | hang|timeout | malformed | truncated | text|fenced-text | missing-criterion|missing
 *        | extra-criterion|extra | out-of-range|range | bad-evidence|evidence
 * </pre>
 *
 * <p>Rates are deterministic, not random: a fault with rate r fires on call i (1-based) exactly
 * when {@code floor(i*r) > floor((i-1)*r)}, so over n calls it fires {@code floor(n*r)} times,
 * evenly spread. When several rules fire on the same call, the first rule in the spec wins and the
 * others do not fire for that call.
 */
public final class FaultSpec {
  /** One rule: a fault and either a rate or a period. */
  public record Rule(Fault fault, double rate, int every, int only) {
    /** Whether this rule fires on call number {@code i} (1-based). */
    boolean firesOn(long i) {
      if (only > 0) {
        return i == only;
      }
      if (every > 0) {
        return i % every == 0;
      }
      return Math.floor(i * rate + 1e-9) > Math.floor((i - 1) * rate + 1e-9);
    }

    @Override
    public String toString() {
      if (only > 0) {
        return fault.key() + "#" + only;
      }
      return every > 0 ? fault.key() + "@" + every : fault.key() + "=" + rate;
    }
  }

  private static final FaultSpec NONE = new FaultSpec(List.of());
  private final List<Rule> rules;

  private FaultSpec(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** No faults. */
  public static FaultSpec none() {
    return NONE;
  }

  /** Parses a spec (grammar in the class comment); null or blank = no faults. */
  public static FaultSpec parse(String spec) {
    if (spec == null || spec.isBlank()) {
      return NONE;
    }
    List<Rule> rules = new ArrayList<>();
    for (String raw : spec.split(",")) {
      String item = raw.trim();
      if (item.isEmpty()) {
        continue;
      }
      int at = item.indexOf('@');
      int hash = item.indexOf('#');
      int eq = item.indexOf('=');
      try {
        if (at > 0 || hash > 0) {
          int sep = at > 0 ? at : hash;
          int n = Integer.parseInt(item.substring(sep + 1).trim());
          if (n < 1) {
            throw new IllegalArgumentException("N must be 1 or more");
          }
          Fault f = Fault.parse(item.substring(0, sep));
          rules.add(at > 0 ? new Rule(f, 0, n, 0) : new Rule(f, 0, 0, n));
        } else if (eq > 0) {
          String r = item.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
          double rate =
              r.endsWith("%")
                  ? Double.parseDouble(r.substring(0, r.length() - 1)) / 100.0
                  : Double.parseDouble(r);
          if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be between 0 and 1 (or 0% and 100%)");
          }
          rules.add(new Rule(Fault.parse(item.substring(0, eq)), rate, 0, 0));
        } else {
          throw new IllegalArgumentException("expected fault=rate, fault@N or fault#N");
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "bad fault rule '" + item + "' in --faults '" + spec + "': " + e.getMessage(), e);
      }
    }
    return new FaultSpec(rules);
  }

  /** The rules in spec order. */
  public List<Rule> rules() {
    return rules;
  }

  /** The fault to inject into call number {@code i} (1-based), or null for none. */
  public Fault faultFor(long i) {
    for (Rule r : rules) {
      if (r.firesOn(i)) {
        return r.fault();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return rules.isEmpty() ? "none" : rules.toString();
  }
}
