package com.cci.notebooks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ./cci query}: lists the analysts' queries, prints one rendered for Athena, or runs it
 * locally on Spark over the batch job's output directory.
 *
 * <pre>
 * ./cci query list
 * ./cci query agent_daily_scores tenant_id=demo-tenant from_date=2026-11-20 to_date=2026-11-20
 * ./cci query agent_daily_scores tenant_id=… from_date=… to_date=… --run /tmp/qa [--max-rows 50]
 * </pre>
 *
 * Exit code 0 on success, 2 on bad usage or parameters (the message says which).
 */
public final class QueryCommand {
  static final String USAGE =
      """
      Usage: ./cci query list
             ./cci query <name> name=value... [--run <batch output dir>] [--max-rows N] [--queries <dir>]
        Prints the query with its ${name} parameters substituted (paste it into Athena, or
        aws athena start-query-execution --query-string "$(./cci query ...)"), or with --run
        executes it on local Spark over the Parquet tables ./cci qa wrote to that directory.
      """;

  private QueryCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Path dir = defaultQueries();
    String name = null;
    String runOn = null;
    int maxRows = 100;
    Map<String, String> params = new LinkedHashMap<>();
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "-h", "--help" -> {
            out.print(USAGE);
            return 0;
          }
          case "--run" -> runOn = value(args, ++i, a);
          case "--queries" -> dir = Path.of(value(args, ++i, a));
          case "--max-rows" -> {
            maxRows = Integer.parseInt(value(args, ++i, a));
            if (maxRows < 0) {
              throw new IllegalArgumentException("--max-rows must be 0 or more, got " + maxRows);
            }
          }
          default -> {
            int eq = a.indexOf('=');
            if (a.startsWith("-")) {
              throw new IllegalArgumentException("unknown option " + a);
            } else if (eq > 0) {
              if (params.put(a.substring(0, eq), a.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("parameter " + a.substring(0, eq) + " twice");
              }
            } else if (name == null) {
              name = a;
            } else {
              throw new IllegalArgumentException(
                  "unexpected argument '" + a + "' (parameters are name=value)");
            }
          }
        }
      }
      if (name == null) {
        throw new IllegalArgumentException("name a query, or 'list'");
      }
      if (name.equals("list")) {
        for (AnalystQuery q : AnalystQueries.load(dir)) {
          out.println(
              q.name()
                  + "\t"
                  + String.join(",", new java.util.TreeSet<>(q.parameters()))
                  + "\t"
                  + q.question());
        }
        return 0;
      }
      String sql = AnalystQueries.load(dir, name).render(params);
      if (runOn == null) {
        out.println(sql);
        return 0;
      }
      LocalQueryRunner.run(LocalQueryRunner.localSession(), runOn, sql, maxRows, out, err);
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("cci query: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  /** {@code <repo>/notebooks/queries} under {@code -Dcci.root} (set by ./cci), else ./queries. */
  static Path defaultQueries() {
    String root = System.getProperty("cci.root");
    return root == null ? Path.of("queries") : Path.of(root, "notebooks", "queries");
  }
}
