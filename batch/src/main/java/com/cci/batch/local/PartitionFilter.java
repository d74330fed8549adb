package com.cci.batch.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Glue {@code GetPartitions} expression, the subset the local Glue supports: comparisons {@code
 * key OP 'value'} (OP one of {@code = <> != < <= > >=}, values quoted or bare numbers) joined by
 * {@code AND}. Values compare as numbers when both sides are numbers, else as strings.
 */
final class PartitionFilter {
  private record Condition(int key, String op, String value) {}

  private static final Pattern COND =
      Pattern.compile(
          "\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(<>|!=|<=|>=|=|<|>)\\s*(?:'([^']*)'|(-?[0-9.]+))\\s*");

  private final List<Condition> conditions;

  private PartitionFilter(List<Condition> conditions) {
    this.conditions = conditions;
  }

  static PartitionFilter parse(String expression, List<String> keys) {
    List<Condition> out = new ArrayList<>();
    if (expression != null && !expression.isBlank()) {
      for (String part : expression.split("(?i)\\s+and\\s+")) {
        Matcher m = COND.matcher(part);
        if (!m.matches()) {
          throw new AwsServiceError(
              "InvalidInputException",
              400,
              "Unsupported expression '"
                  + part.trim()
                  + "' (local Glue supports key OP 'value' joined by AND)");
        }
        int key = keys.indexOf(m.group(1).toLowerCase(Locale.ROOT));
        if (key < 0) {
          throw new AwsServiceError(
              "InvalidInputException",
              400,
              "Unknown partition key " + m.group(1) + " in expression; keys: " + keys);
        }
        out.add(new Condition(key, m.group(2), m.group(3) != null ? m.group(3) : m.group(4)));
      }
    }
    return new PartitionFilter(out);
  }

  boolean matches(List<String> values) {
    for (Condition c : conditions) {
      int cmp = compare(values.get(c.key()), c.value());
      boolean ok =
          switch (c.op()) {
            case "=" -> cmp == 0;
            case "<>", "!=" -> cmp != 0;
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            default -> cmp >= 0;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static int compare(String a, String b) {
    try {
      return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
    } catch (NumberFormatException e) {
      return a.compareTo(b);
    }
  }
}
