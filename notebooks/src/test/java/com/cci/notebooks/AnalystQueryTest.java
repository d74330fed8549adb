package com.cci.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query loader: header parsing, placeholder checks and rendering with clear errors. */
class AnalystQueryTest {
  static final String GOOD =
      """
      -- Question: Calls per agent
      --   and day?
      -- Tables: qa_results
      -- Parameters: ${tenant_id}, ${from_date}, ${to_date} (inclusive)
      -- Grain: one row per call_date and agent_id
      SELECT call_date, agent_id, COUNT(*) AS calls
      FROM qa_results
      WHERE tenant_id = '${tenant_id}'
        AND call_date BETWEEN '${from_date}' AND '${to_date}'
      GROUP BY call_date, agent_id;
      """;

  static final Map<String, String> PARAMS =
      Map.of("tenant_id", "demo-tenant", "from_date", "2026-11-20", "to_date", "2026-11-21");

  @Test
  void parsesTheHeaderAndTheSql() {
    AnalystQuery q = AnalystQueries.parse("calls", GOOD);
    assertThat(q.name()).isEqualTo("calls");
    assertThat(q.question()).isEqualTo("Calls per agent and day?");
    assertThat(q.tables()).containsExactly("qa_results");
    assertThat(q.grain()).isEqualTo("one row per call_date and agent_id");
    assertThat(q.parameters()).containsExactlyInAnyOrder("tenant_id", "from_date", "to_date");
    assertThat(q.sql()).startsWith("SELECT call_date").endsWith("GROUP BY call_date, agent_id");
  }

  @Test
  void rendersEveryPlaceholder() {
    String sql = AnalystQueries.parse("calls", GOOD).render(PARAMS);
    assertThat(sql)
        .contains("tenant_id = 'demo-tenant'")
        .contains("BETWEEN '2026-11-20' AND '2026-11-21'")
        .doesNotContain("${");
  }

  @Test
  void rejectsMissingAndUnknownParametersNamingThem() {
    AnalystQuery q = AnalystQueries.parse("calls", GOOD);
    assertThatThrownBy(
            () -> q.render(Map.of("tenant_id", "t1", "from_date", "2026-11-20", "queue", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("query calls")
        .hasMessageContaining("missing parameter(s) [to_date]")
        .hasMessageContaining("unknown parameter(s) [queue]")
        .hasMessageContaining("it takes from_date, tenant_id, to_date");
  }

  @Test
  void rejectsValuesThatCouldLeaveTheStringLiteral() {
    AnalystQuery q = AnalystQueries.parse("calls", GOOD);
    for (String evil : List.of("x' OR '1'='1", "a b", "", "t\\", "-x")) {
      assertThatThrownBy(
              () ->
                  q.render(
                      Map.of(
                          "tenant_id", evil, "from_date", "2026-11-20", "to_date", "2026-11-20")))
          .as(evil)
          .hasMessageContaining("tenant_id '" + evil + "' may hold only");
    }
  }

  @Test
  void datesMustBeIsoDatesInOrder() {
    AnalystQuery q = AnalystQueries.parse("calls", GOOD);
    assertThatThrownBy(
            () ->
                q.render(
                    Map.of("tenant_id", "t", "from_date", "20/11/2026", "to_date", "2026-11-21")))
        .hasMessageContaining("from_date '20/11/2026' is not a date YYYY-MM-DD");
    assertThatThrownBy(
            () ->
                q.render(
                    Map.of("tenant_id", "t", "from_date", "2026-11-22", "to_date", "2026-11-21")))
        .hasMessageContaining("from_date 2026-11-22 is after to_date 2026-11-21");
  }

  @Test
  void aHeaderWithoutItsFieldsIsRejected() {
    String noGrain = GOOD.replace("-- Grain: one row per call_date and agent_id\n", "");
    assertThatThrownBy(() -> AnalystQueries.parse("calls", noGrain))
        .hasMessageContaining("query calls")
        .hasMessageContaining("lacks [Grain]");
    assertThatThrownBy(() -> AnalystQueries.parse("bare", "SELECT 1"))
        .hasMessageContaining("lacks [Question, Tables, Parameters, Grain]");
  }

  @Test
  void declaredParametersMustBeThePlaceholdersUsed() {
    String undeclared = GOOD.replace("${tenant_id}, ", "");
    assertThatThrownBy(() -> AnalystQueries.parse("calls", undeclared))
        .hasMessageContaining("header Parameters [from_date, to_date]")
        .hasMessageContaining("placeholders the SQL uses [from_date, tenant_id, to_date]");
    String malformed = GOOD.replace("'${to_date}'", "'${To-Date}'");
    assertThatThrownBy(() -> AnalystQueries.parse("calls", malformed))
        .hasMessageContaining("not a ${lower_snake_name} placeholder");
  }

  @Test
  void oneStatementPerFileAndSomeSql() {
    assertThatThrownBy(() -> AnalystQueries.parse("two", GOOD + "SELECT 2;"))
        .hasMessageContaining("one statement per file");
    String headerOnly = GOOD.substring(0, GOOD.indexOf("SELECT"));
    assertThatThrownBy(() -> AnalystQueries.parse("empty", headerOnly))
        .hasMessageContaining("no SQL after the header");
  }

  @Test
  void loadsADirectorySortedAndNamesWhatIsThereWhenAQueryIsMissing(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("b_second.sql"), GOOD);
    Files.writeString(dir.resolve("a_first.sql"), GOOD);
    Files.writeString(dir.resolve("notes.txt"), "not a query");
    assertThat(AnalystQueries.load(dir))
        .extracting(AnalystQuery::name)
        .containsExactly("a_first", "b_second");
    assertThat(AnalystQueries.load(dir, "b_second").name()).isEqualTo("b_second");
    assertThatThrownBy(() -> AnalystQueries.load(dir, "c_third"))
        .hasMessageContaining("no query c_third")
        .hasMessageContaining("[a_first, b_second]");
    assertThatThrownBy(() -> AnalystQueries.load(dir.resolve("nope")))
        .hasMessageContaining("no query directory");
  }

  @Test
  void theShippedQueriesParseAndFilterOnBothPartitionColumnsPerTableRead() {
    List<AnalystQuery> all = AnalystQueries.load(Path.of("queries"));
    assertThat(all).hasSizeGreaterThanOrEqualTo(4);
    for (AnalystQuery q : all) {
      assertThat(q.parameters()).as(q.name()).contains("tenant_id", "from_date", "to_date");
      int tenantFilters = q.sql().split("tenant_id = '\\$\\{tenant_id}'", -1).length - 1;
      int dateFilters =
          q.sql().split("call_date BETWEEN '\\$\\{from_date}' AND '\\$\\{to_date}'", -1).length - 1;
      assertThat(tenantFilters).as(q.name() + " tenant filters").isEqualTo(q.tables().size());
      assertThat(dateFilters).as(q.name() + " date filters").isEqualTo(q.tables().size());
    }
  }

  @Test
  void theQueryCommandListsRendersAndRejectsWithExitCode2() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream o =
        new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
    java.io.PrintStream e =
        new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(QueryCommand.run(new String[] {"list"}, o, e)).isZero();
    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8).lines())
        .hasSize(AnalystQueries.load(Path.of("queries")).size())
        .anyMatch(l -> l.startsWith("agent_daily_scores\tfrom_date,tenant_id,to_date\tHow did"));
    out.reset();
    String[] render = {
      "agent_daily_scores", "tenant_id=demo-tenant", "from_date=2026-11-20", "to_date=2026-11-21"
    };
    assertThat(QueryCommand.run(render, o, e)).isZero();
    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("tenant_id = 'demo-tenant'")
        .doesNotContain("${");
    String[] missing = {"agent_daily_scores", "tenant_id=demo-tenant"};
    assertThat(QueryCommand.run(missing, o, e)).isEqualTo(2);
    assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("cci query: query agent_daily_scores: missing parameter(s) [from_date, to_date]");
    String[] negative = {"agent_daily_scores", "--max-rows", "-1"};
    assertThat(QueryCommand.run(negative, o, e)).isEqualTo(2);
    assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("--max-rows must be 0 or more, got -1");
    assertThat(QueryCommand.run(new String[] {"nope"}, o, e)).isEqualTo(2);
    assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("no query nope");
  }
}
