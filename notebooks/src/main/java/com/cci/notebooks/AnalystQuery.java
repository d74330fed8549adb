package com.cci.notebooks;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One analyst query: its name (the file name without {@code .sql}), its comment header and its SQL
 * with {@code ${name}} placeholders. {@link #render(Map)} substitutes the placeholders, rejecting
 * missing, unknown and malformed values; nothing else in the SQL is touched.
 *
 * <p>Placeholders always sit inside SQL string literals ({@code '${tenant_id}'}), so a value may
 * only hold characters that cannot end the literal: parameters ending in {@code _date} must be ISO
 * dates ({@code YYYY-MM-DD}), any other value must match {@link #VALUE}.
 *
 * @param name the query's name, e.g. {@code agent_daily_scores}
 * @param header header fields in file order: {@code Question}, {@code Tables}, {@code Parameters},
 *     {@code Grain} (and any other {@code Key:} lines)
 * @param sql the SQL after the header, placeholders unsubstituted, without a trailing {@code ;}
 * @param parameters the placeholder names the SQL uses (equal to the header's {@code Parameters})
 */
public record AnalystQuery(
    String name, Map<String, String> header, String sql, Set<String> parameters) {

  /** A placeholder: {@code ${lower_snake_name}}. */
  public static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z][a-z0-9_]*)}");

  /** What a parameter value that is not a date may hold. */
  public static final Pattern VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");

  public AnalystQuery {
    Objects.requireNonNull(name, "name");
    header = Map.copyOf(header);
    Objects.requireNonNull(sql, "sql");
    parameters = Set.copyOf(parameters);
  }

  /** The question the query answers (header {@code Question}). */
  public String question() {
    return header.get(AnalystQueries.QUESTION);
  }

  /** The tables and views it reads (header {@code Tables}, comma-separated). */
  public List<String> tables() {
    return AnalystQueries.list(header.get(AnalystQueries.TABLES));
  }

  /** What one result row stands for (header {@code Grain}). */
  public String grain() {
    return header.get(AnalystQueries.GRAIN);
  }

  /**
   * The SQL with every placeholder replaced by its value.
   *
   * @throws IllegalArgumentException naming the query and the offending parameters when a value is
   *     missing, a name is not a parameter of this query, a value is malformed, or {@code
   *     from_date} is after {@code to_date}
   */
  public String render(Map<String, String> values) {
    Set<String> missing = new TreeSet<>(parameters);
    missing.removeAll(values.keySet());
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(parameters);
    List<String> problems = new ArrayList<>();
    if (!missing.isEmpty()) {
      problems.add("missing parameter(s) " + missing);
    }
    if (!unknown.isEmpty()) {
      problems.add("unknown parameter(s) " + unknown);
    }
    for (String p : new TreeSet<>(parameters)) {
      String v = values.get(p);
      if (v != null) {
        String bad = checkValue(p, v);
        if (bad != null) {
          problems.add(bad);
        }
      }
    }
    if (problems.isEmpty()
        && parameters.contains("from_date")
        && parameters.contains("to_date")
        && LocalDate.parse(values.get("from_date"))
            .isAfter(LocalDate.parse(values.get("to_date")))) {
      problems.add(
          "from_date " + values.get("from_date") + " is after to_date " + values.get("to_date"));
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "query "
              + name
              + ": "
              + String.join("; ", problems)
              + " (it takes "
              + String.join(", ", new TreeSet<>(parameters))
              + ")");
    }
    Matcher m = PLACEHOLDER.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String checkValue(String name, String value) {
    if (name.endsWith("_date")) {
      try {
        LocalDate.parse(value);
        return null;
      } catch (DateTimeParseException e) {
        return name + " '" + value + "' is not a date YYYY-MM-DD";
      }
    }
    if (!VALUE.matcher(value).matches()) {
      return name
          + " '"
          + value
          + "' may hold only letters, digits and . _ : @ - (1 to 128, starting with a letter or"
          + " digit)";
    }
    return null;
  }
}
