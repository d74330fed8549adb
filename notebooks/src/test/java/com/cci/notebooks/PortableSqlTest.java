package com.cci.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped queries stay in the subset Athena (Trino) and Spark SQL both accept and answer alike.
 * The tests run them on Spark only, so the Trino side is guarded here by rule: no function or
 * syntax one of the two lacks, no integer division (Trino truncates, Spark does not), explicit NULL
 * ordering where a sort column can be NULL (the engines' defaults differ for ASC).
 */
class PortableSqlTest {
  /** Construct, and why it is not portable. */
  static final List<List<String>> FORBIDDEN =
      List.of(
          List.of("\\bLATERAL\\s+VIEW\\b", "Spark only; Trino has CROSS JOIN UNNEST"),
          List.of("\\bUNNEST\\s*\\(", "Trino only; Spark has explode/LATERAL VIEW"),
          List.of("\\bexplode\\s*\\(", "Spark only"),
          List.of("\\bcount_if\\s*\\(", "Trino only; use SUM(CASE WHEN … THEN 1 ELSE 0 END)"),
          List.of("\\btry_cast\\s*\\(", "semantics differ"),
          List.of("\\bif\\s*\\(", "Trino's if() and Spark's if() differ on NULL; use CASE"),
          List.of("\\bnvl\\s*\\(", "Spark only; use COALESCE"),
          List.of("\\bdate_parse\\s*\\(", "Trino only"),
          List.of("\\bdate_format\\s*\\(", "patterns differ (Joda vs MySQL style)"),
          List.of("\\bjson_extract\\w*\\s*\\(", "Trino only; Spark has get_json_object"),
          List.of("\\bsize\\s*\\(|\\bcardinality\\s*\\(", "Spark size vs Trino cardinality"),
          List.of("\\bapprox_\\w+\\s*\\(|\\bpercentile\\w*\\s*\\(", "names and results differ"),
          List.of("`", "backticks are Spark only; use plain identifiers"),
          List.of("\"", "double-quoted identifiers are Trino only"),
          List.of("\\[\\s*'", "map subscript fails on a missing key in Trino; use element_at"),
          List.of("\\bSTRING\\b", "no STRING type in Trino; use VARCHAR"),
          List.of("\\bLIMIT\\s+\\d+\\s*,", "MySQL-style LIMIT"));

  static final Pattern DIVISION = Pattern.compile("/");
  static final Pattern ORDER_BY = Pattern.compile("(?is)\\bORDER\\s+BY\\b(.*)$");

  static final List<AnalystQuery> QUERIES = AnalystQueries.load(Path.of("queries"));

  @Test
  void noConstructOneEngineLacks() {
    for (AnalystQuery q : QUERIES) {
      for (List<String> f : FORBIDDEN) {
        assertThat(Pattern.compile(f.get(0), Pattern.CASE_INSENSITIVE).matcher(q.sql()).find())
            .as(q.name() + ": " + f.get(0) + " — " + f.get(1))
            .isFalse();
      }
    }
  }

  @Test
  void everyDivisionIsFloatingPoint() {
    for (AnalystQuery q : QUERIES) {
      Matcher m = DIVISION.matcher(q.sql());
      while (m.find()) {
        String before = q.sql().substring(0, m.start()).stripTrailing().toUpperCase(Locale.ROOT);
        assertThat(before)
            .as(q.name() + ": division at " + m.start() + " must divide a CAST(… AS DOUBLE)")
            .endsWith("AS DOUBLE)");
      }
    }
  }

  @Test
  void nullableSortColumnsSayWhereNullsGo() {
    List<String> nullable = List.of("agent_id", "queue", "channel", "stage", "failure_rate");
    for (AnalystQuery q : QUERIES) {
      Matcher m = ORDER_BY.matcher(q.sql());
      if (!m.find()) {
        continue;
      }
      for (String item : m.group(1).split(",")) {
        String it = item.strip().toUpperCase(Locale.ROOT);
        String col = it.split("\\s+")[0].replaceAll("^\\w+\\.", "").toLowerCase(Locale.ROOT);
        if (nullable.contains(col)) {
          assertThat(it).as(q.name() + " ORDER BY " + col).containsPattern("NULLS (FIRST|LAST)");
        }
      }
    }
  }
}
