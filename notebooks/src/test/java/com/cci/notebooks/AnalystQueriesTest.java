package com.cci.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.batch.FactoryScorerSource;
import com.cci.batch.QaJob;
import com.cci.batch.QaJobConfig;
import com.cci.batch.TenantConfigs;
import com.cci.batch.catalog.SparkCatalog;
import com.cci.batch.catalog.TableDefinitions;
import com.cci.batch.ctr.CtrCompactJob;
import com.cci.batch.output.QaTables;
import com.cci.batch.scoring.TenantSettings;
import com.cci.batch.tenant.TenantConfig;
import com.cci.schemas.qa.QaForm;
import com.cci.sim.DirectorySink;
import com.cci.sim.Scenario;
import com.cci.sim.SimulationOptions;
import com.cci.sim.Simulator;
import com.cci.sim.SimulatorContent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every query in {@code notebooks/queries} runs on Spark SQL over Parquet the real batch job wrote
 * (two simulated days, rules scorer, contact records compacted first, a second tenant and a broken
 * file), registered in Spark's catalog as the job registers it; each result is compared with an
 * expectation computed here in Java over the collected rows of the underlying tables. A query file
 * without an expectation fails the test.
 */
@Timeout(300)
class AnalystQueriesTest {
  static final String DB = "cci_qa_notebooks";
  static final String TENANT = "demo-tenant";
  static final String OTHER = "other-bank";
  static final LocalDate DAY1 = LocalDate.of(2026, 11, 20);
  static final LocalDate DAY2 = LocalDate.of(2026, 11, 21);
  static final QaForm FORM = QaForm.fromClasspath(QaForm.DEMO_DEFAULT_RESOURCE);
  static final TenantConfigs TENANTS =
      t ->
          t.equals(TENANT) || t.equals(OTHER)
              ? Optional.of(new TenantConfig(TenantSettings.demoDefaults(t), FORM))
              : Optional.empty();

  @TempDir static Path tmp;
  static SparkSession spark;
  static Path output;
  static Tables tables;
  static final List<AnalystQuery> QUERIES = AnalystQueries.load(Path.of("queries"));

  /** The collected rows of the tables the queries read, straight from their Parquet folders. */
  record Tables(List<Row> results, List<Row> criteria, List<Row> quarantine) {}

  /** The parameters of one run of every query. */
  record Params(String tenant, String from, String to) {
    Map<String, String> map() {
      return Map.of("tenant_id", tenant, "from_date", from, "to_date", to);
    }

    boolean matches(Row r) {
      String d = r.getAs("call_date");
      return tenant.equals(r.getAs("tenant_id")) && d.compareTo(from) >= 0 && d.compareTo(to) <= 0;
    }
  }

  /** Expected result: key columns (the grain) to value columns. */
  record Expected(List<String> keys, List<String> values, Map<List<Object>, List<Object>> rows) {}

  static final Map<String, Function<Params, Expected>> EXPECTATIONS =
      Map.of(
          "agent_daily_scores", p -> byKey(tables.results(), p, List.of("call_date", "agent_id")),
          "queue_daily_scores",
              p -> byKeyQueue(tables.results(), p, List.of("call_date", "queue", "channel")),
          "criterion_failure_rates", AnalystQueriesTest::criterionFailureRates,
          "pii_findings_daily", AnalystQueriesTest::piiFindings,
          "daily_intake", AnalystQueriesTest::dailyIntake);

  @BeforeAll
  static void batchOutput() throws IOException {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("cci-notebooks-tests")
            .config("spark.sql.shuffle.partitions", "1")
            .config("spark.default.parallelism", "2")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.warehouse.dir", tmp.resolve("warehouse").toString())
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    output = tmp.resolve("out");
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    for (LocalDate day : List.of(DAY1, DAY2)) {
      Path sim = simulate(tmp.resolve("sim-" + day), day, day.equals(DAY1) ? 7 : 8);
      Path input = sim.resolve("transcripts");
      Path dir = input.resolve(TENANT + "/Analysis/Voice/" + day.toString().replace('-', '/'));
      if (day.equals(DAY1)) {
        // a broken file (quarantined at parse) and one call of a second tenant
        Files.writeString(dir.resolve("broken_analysis_2026-11-20T10:00:00Z.json"), "{\"V\":");
        Path first;
        try (Stream<Path> s = Files.list(dir)) {
          first = s.filter(p -> p.toString().endsWith(".json")).sorted().findFirst().get();
        }
        Path other = input.resolve(OTHER + "/Analysis/Voice/2026/11/20");
        Files.createDirectories(other);
        Files.copy(first, other.resolve(first.getFileName()));
      }
      Path firehose = tmp.resolve("firehose-" + day);
      Path hour = firehose.resolve(day.toString().replace('-', '/') + "/10");
      Files.createDirectories(hour);
      Files.copy(sim.resolve("ctr/part-00000.jsonl"), hour.resolve("cci-ctr-1-" + day + "-a"));
      CtrCompactJob.run(spark, day, firehose.toString(), output.toString(), null, quiet);
      QaJob.Result r =
          QaJob.run(
              spark,
              new QaJobConfig(
                  day,
                  input.toString(),
                  output.toString(),
                  Optional.empty(),
                  "rules",
                  false,
                  new FactoryScorerSource("rules", null),
                  TENANTS,
                  2,
                  0),
              quiet);
      assertThat(r.accounting().balanced()).isTrue();
    }
    SparkCatalog.register(spark, DB, output.toString());
    spark.catalog().setCurrentDatabase(DB);
    tables =
        new Tables(
            collect(QaTables.QA_RESULTS),
            collect(QaTables.QA_CRITERIA),
            collect(QaTables.QUARANTINE));
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  static Path simulate(Path dir, LocalDate day, long seed) throws IOException {
    Simulator sim =
        new Simulator(
            Scenario.load("normal-day"),
            SimulationOptions.seed(seed)
                .withContacts(100)
                .withHours(0.3)
                .withStartDate(day)
                .withStartTime(LocalTime.of(10, 0)),
            SimulatorContent.generator(),
            SimulatorContent.renderer());
    try (DirectorySink sink = new DirectorySink(dir)) {
      sim.run(sink);
    }
    return dir;
  }

  static List<Row> collect(String table) {
    // the catalog's schema: partition values as strings, as Glue and Athena see them
    return spark
        .read()
        .schema(QaTables.schema(table))
        .parquet(output.resolve(table).toString())
        .collectAsList();
  }

  @Test
  void everyQueryFileHasAnExpectationAndEveryExpectationAFile() {
    assertThat(QUERIES).isNotEmpty();
    assertThat(QUERIES.stream().map(AnalystQuery::name).collect(Collectors.toSet()))
        .as("queries in notebooks/queries vs expectations in this test")
        .isEqualTo(EXPECTATIONS.keySet());
  }

  @Test
  void theDataHasWhatTheQueriesDistinguish() {
    // Without these the filters and groupings below would be checked against nothing.
    assertThat(tables.results()).anyMatch(r -> OTHER.equals(r.getAs("tenant_id")));
    assertThat(tables.results().stream().map(r -> r.<String>getAs("call_date")).distinct())
        .containsExactlyInAnyOrder(DAY1.toString(), DAY2.toString());
    assertThat(tables.results().stream().map(r -> r.<String>getAs("agent_id")).distinct().count())
        .isGreaterThan(2);
    assertThat(tables.results()).anyMatch(r -> r.<Boolean>getAs("passed"));
    assertThat(tables.results()).anyMatch(r -> !r.<Boolean>getAs("passed"));
    assertThat(tables.quarantine()).anyMatch(r -> TENANT.equals(r.getAs("tenant_id")));
    assertThat(tables.results())
        .anyMatch(r -> TENANT.equals(r.getAs("tenant_id")) && r.<Integer>getAs("pii_total") > 0);
  }

  @Test
  void everyQueryAnswersAsComputedFromTheTables() {
    List<Params> runs =
        List.of(
            new Params(TENANT, DAY1.toString(), DAY2.toString()),
            new Params(TENANT, DAY2.toString(), DAY2.toString()),
            new Params(OTHER, DAY1.toString(), DAY1.toString()));
    for (AnalystQuery q : QUERIES) {
      for (Params p : runs) {
        Dataset<Row> df = spark.sql(q.render(p.map()));
        List<Row> actual = df.collectAsList();
        Expected want = EXPECTATIONS.get(q.name()).apply(p);
        if (p.tenant().equals(TENANT)) {
          assertThat(want.rows()).as(q.name() + " " + p + " has rows to compare").isNotEmpty();
        }
        compare(q.name() + " " + p, want, actual);
        assertPartitionsPruned(q, df);
      }
    }
  }

  @Test
  void theQueryCommandRunsAQueryLocallyOverTheJobsOutput() {
    Params p = new Params(TENANT, DAY1.toString(), DAY2.toString());
    Cli r = query("agent_daily_scores", p, output, "--max-rows", "1000");
    assertThat(r.rc()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo("call_date\tagent_id\tcalls\tavg_score_pct\tpass_rate\tauto_failed_calls");
    Expected want = EXPECTATIONS.get("agent_daily_scores").apply(p);
    assertThat(lines).hasSize(1 + want.rows().size());
    // first data row: the earliest day, its first agent, that agent's number of calls
    List<Object> first = want.rows().keySet().iterator().next();
    assertThat(lines.get(1))
        .startsWith(
            first.get(0) + "\t" + first.get(1) + "\t" + want.rows().get(first).get(0) + "\t");
    spark.catalog().setCurrentDatabase(DB);
  }

  @Test
  void aTableTheJobDidNotWriteIsQueriedAsEmptyLocally() throws IOException {
    // a night without quarantined calls leaves no quarantine folder; Glue has the table anyway
    Path partial = tmp.resolve("only-results");
    copyTree(output.resolve(QaTables.QA_RESULTS), partial.resolve(QaTables.QA_RESULTS));
    Params p = new Params(TENANT, DAY1.toString(), DAY2.toString());
    try {
      Cli r = query("daily_intake", p, partial);
      assertThat(r.rc()).as(r.err()).isZero();
      assertThat(r.err()).contains("quarantine").contains("empty");
      List<String> lines = r.out().lines().toList();
      Expected want = EXPECTATIONS.get("daily_intake").apply(p);
      long scoredRows =
          want.rows().keySet().stream().filter(k -> "scored".equals(k.get(1))).count();
      assertThat(lines).hasSize(1 + (int) scoredRows).allMatch(l -> !l.contains("quarantined"));
    } finally {
      // the empty stand-ins are session temp views: they would shadow the tables for other tests
      for (String t : TableDefinitions.TABLES) {
        spark.catalog().dropTempView(t);
      }
      spark.catalog().setCurrentDatabase(DB);
    }
  }

  /** What {@code ./cci query} printed and returned. */
  private record Cli(int rc, String out, String err) {}

  /** Runs {@code ./cci query <name> tenant_id=… from_date=… to_date=… --run <dir> [extra…]}. */
  private static Cli query(String name, Params p, Path dir, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                name,
                "tenant_id=" + p.tenant(),
                "from_date=" + p.from(),
                "to_date=" + p.to(),
                "--run",
                dir.toString()));
    args.addAll(List.of(extra));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc =
        QueryCommand.run(
            args.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Cli(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path f : s.toList()) {
        Path t = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
        } else {
          Files.copy(f, t);
        }
      }
    }
  }

  @Test
  void queriesReadOnlyTablesTheCatalogHas() {
    Set<String> known = new HashSet<>(TableDefinitions.TABLES);
    known.add(TableDefinitions.CRITERIA_VIEW);
    for (AnalystQuery q : QUERIES) {
      assertThat(known).as(q.name() + " Tables header").containsAll(q.tables());
      for (String t : q.tables()) {
        assertThat(q.sql()).as(q.name() + " reads " + t).containsPattern("\\b" + t + "\\b");
      }
    }
  }

  /** Every Parquet scan of the query carries partition filters on tenant_id and call_date. */
  static void assertPartitionsPruned(AnalystQuery q, Dataset<Row> df) {
    String plan = df.queryExecution().executedPlan().toString();
    List<String> scans =
        plan.lines().filter(l -> l.contains("FileScan parquet")).collect(Collectors.toList());
    assertThat(scans).as(q.name() + " scans").hasSizeGreaterThanOrEqualTo(q.tables().size());
    for (String s : scans) {
      int at = s.indexOf("PartitionFilters: [");
      assertThat(at).as(q.name() + " scan without partition filters: " + s).isNotNegative();
      String filters = s.substring(at, s.indexOf(']', at));
      assertThat(filters).as(q.name()).contains("tenant_id").contains("call_date");
    }
  }

  static void compare(String what, Expected want, List<Row> actual) {
    Map<List<Object>, List<Object>> got = new LinkedHashMap<>();
    for (Row r : actual) {
      List<Object> key = values(r, want.keys());
      assertThat(got.put(key, values(r, want.values())))
          .as(what + ": grain " + want.keys() + " repeated for " + key)
          .isNull();
    }
    assertThat(got.keySet()).as(what + " rows").isEqualTo(want.rows().keySet());
    for (Map.Entry<List<Object>, List<Object>> e : want.rows().entrySet()) {
      List<Object> g = got.get(e.getKey());
      for (int i = 0; i < want.values().size(); i++) {
        Object w = e.getValue().get(i);
        Object a = g.get(i);
        String col = what + " " + e.getKey() + " " + want.values().get(i);
        if (w instanceof Number wn && a instanceof Number an) {
          assertThat(an.doubleValue()).as(col).isCloseTo(wn.doubleValue(), within(wn));
        } else {
          assertThat(a).as(col).isEqualTo(w);
        }
      }
    }
  }

  private static org.assertj.core.data.Offset<Double> within(Number n) {
    return org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(n.doubleValue())));
  }

  static List<Object> values(Row r, List<String> cols) {
    List<Object> out = new ArrayList<>();
    for (String c : cols) {
      out.add(r.getAs(c));
    }
    return out;
  }

  static List<Object> key(Row r, List<String> cols) {
    return Arrays.asList(values(r, cols).toArray());
  }

  static Map<List<Object>, List<Row>> group(List<Row> rows, Params p, List<String> keys) {
    return rows.stream()
        .filter(p::matches)
        .collect(
            Collectors.groupingBy(
                r -> key(r, keys),
                () -> new TreeMap<>(AnalystQueriesTest::compareKeys),
                Collectors.toList()));
  }

  static long count(List<Row> rows, Predicate<Row> test) {
    return rows.stream().filter(test).count();
  }

  static double passRate(List<Row> calls) {
    return (double) count(calls, r -> r.<Boolean>getAs("passed")) / calls.size();
  }

  static double avgPct(List<Row> calls) {
    return calls.stream().mapToDouble(r -> r.<Double>getAs("percentage")).average().orElseThrow();
  }

  static Expected byKey(List<Row> results, Params p, List<String> keys) {
    Map<List<Object>, List<Object>> out = new LinkedHashMap<>();
    group(results, p, keys)
        .forEach(
            (k, calls) ->
                out.put(
                    k,
                    List.of(
                        (long) calls.size(),
                        avgPct(calls),
                        passRate(calls),
                        count(calls, r -> r.<Boolean>getAs("auto_failed")))));
    return new Expected(
        keys, List.of("calls", "avg_score_pct", "pass_rate", "auto_failed_calls"), out);
  }

  static Expected byKeyQueue(List<Row> results, Params p, List<String> keys) {
    Map<List<Object>, List<Object>> out = new LinkedHashMap<>();
    group(results, p, keys)
        .forEach(
            (k, calls) -> out.put(k, List.of((long) calls.size(), passRate(calls), avgPct(calls))));
    return new Expected(keys, List.of("calls", "pass_rate", "avg_score_pct"), out);
  }

  static Expected criterionFailureRates(Params p) {
    List<String> keys = List.of("form_id", "form_version", "section_id", "criterion_id");
    Map<List<Object>, List<Object>> out = new LinkedHashMap<>();
    group(tables.criteria(), p, keys)
        .forEach(
            (k, answers) -> {
              long applicable = count(answers, r -> !"NOT_APPLICABLE".equals(r.getAs("answer")));
              long failed = count(answers, r -> "FAILED".equals(r.getAs("answer")));
              out.put(
                  k,
                  Arrays.asList(
                      (long) answers.size(),
                      applicable,
                      failed,
                      applicable == 0 ? null : (double) failed / applicable));
            });
    return new Expected(keys, List.of("answers", "applicable", "failed", "failure_rate"), out);
  }

  static Expected piiFindings(Params p) {
    Map<List<Object>, long[]> acc = new TreeMap<>(AnalystQueriesTest::compareKeys);
    for (Row r : tables.results()) {
      if (!p.matches(r)) {
        continue;
      }
      Map<String, Integer> counts = r.getJavaMap(r.fieldIndex("pii_counts"));
      for (Map.Entry<String, Integer> e : counts.entrySet()) {
        if (e.getValue() != null && e.getValue() > 0) {
          long[] a =
              acc.computeIfAbsent(List.of(r.getAs("call_date"), e.getKey()), k -> new long[2]);
          a[0] += e.getValue();
          a[1]++;
        }
      }
    }
    Map<List<Object>, List<Object>> out = new LinkedHashMap<>();
    acc.forEach((k, a) -> out.put(k, List.of(a[0], a[1])));
    return new Expected(
        List.of("call_date", "pii_type"), List.of("values_masked", "calls_affected"), out);
  }

  static Expected dailyIntake(Params p) {
    Map<List<Object>, List<Object>> out = new LinkedHashMap<>();
    group(tables.results(), p, List.of("call_date"))
        .forEach(
            (k, calls) ->
                out.put(Arrays.asList(k.get(0), "scored", null), List.of((long) calls.size())));
    group(tables.quarantine(), p, List.of("call_date", "stage"))
        .forEach(
            (k, q) ->
                out.put(
                    Arrays.asList(k.get(0), "quarantined", k.get(1)), List.of((long) q.size())));
    return new Expected(List.of("call_date", "outcome", "stage"), List.of("transcripts"), out);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compareKeys(List<Object> a, List<Object> b) {
    for (int i = 0; i < a.size(); i++) {
      Comparable x = (Comparable) a.get(i);
      Comparable y = (Comparable) b.get(i);
      int c = x == null ? (y == null ? 0 : -1) : y == null ? 1 : x.compareTo(y);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
