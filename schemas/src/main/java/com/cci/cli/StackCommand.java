package com.cci.cli;

import com.cci.kinesis.KinesisAdmin;
import com.cci.kinesis.Streams;
import com.cci.local.EmulatorInstaller;
import com.cci.local.EmulatorProcess;
import com.cci.local.LocalStack;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** {@code ./cci stack install|up}: the local emulators for tests and the demo. */
@Command(
    name = "stack",
    mixinStandardHelpOptions = true,
    description = {
      "Install and run the local emulators: kinesis-mock (Node), DynamoDB Local and S3Mock (child"
          + " JVMs).",
      "Cache directory: -Dcci.home, else $CCI_HOME, else ~/.cache/cci."
    },
    subcommands = {StackCommand.Install.class, StackCommand.Up.class})
public final class StackCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code ./cci stack install}. */
  @Command(
      name = "install",
      mixinStandardHelpOptions = true,
      description = {
        "Install every emulator into the cache directory (npm for kinesis-mock, Maven for"
            + " DynamoDB Local and S3Mock) and print where. Does nothing for those already"
            + " installed."
      })
  static final class Install implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        arity = "0..*",
        paramLabel = "<emulator>",
        description = "Only these: kinesis, dynamodb, s3 (default: all).")
    List<String> only;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      List<EmulatorInstaller.Emulator> chosen = new ArrayList<>();
      for (String name : only == null ? List.of("kinesis", "dynamodb", "s3") : only) {
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
          case "kinesis" -> chosen.add(EmulatorInstaller.Emulator.KINESIS_MOCK);
          case "dynamodb" -> chosen.add(EmulatorInstaller.Emulator.DYNAMODB_LOCAL);
          case "s3" -> chosen.add(EmulatorInstaller.Emulator.S3MOCK);
          default -> {
            err.println("unknown emulator '" + name + "': use kinesis, dynamodb or s3");
            err.flush();
            return 2;
          }
        }
      }
      EmulatorInstaller installer = EmulatorInstaller.defaults();
      out.println("cache directory: " + installer.home());
      out.flush();
      try {
        install(installer, chosen, out);
      } catch (RuntimeException e) {
        err.println("error: " + e.getMessage());
        err.flush();
        return 1;
      }
      return 0;
    }

    private static void install(
        EmulatorInstaller installer, List<EmulatorInstaller.Emulator> chosen, PrintWriter out) {
      for (EmulatorInstaller.Emulator e : chosen) {
        long t0 = System.nanoTime();
        boolean had = installer.isInstalled(e);
        installer.install(e);
        out.printf(
            "%-15s %-7s %s (%s)%n",
            e.dirName(),
            e.version(),
            installer.dir(e),
            had
                ? "already installed"
                : "installed in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        out.flush();
      }
    }
  }

  /** {@code ./cci stack up}. */
  @Command(
      name = "up",
      mixinStandardHelpOptions = true,
      description = {
        "Start emulators on 127.0.0.1 (random ports), print their endpoints and `export` lines"
            + " for other shells, and stay in the foreground until Ctrl-C or stdin closes; then"
            + " stop everything.",
        "Without service options all three start. Services whose AWS_ENDPOINT_URL_<SERVICE>"
            + " (or AWS_ENDPOINT_URL) is set are not started: that endpoint is used."
      })
  static final class Up implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--kinesis", description = "Start kinesis-mock.")
    boolean kinesis;

    @Option(names = "--dynamodb", description = "Start DynamoDB Local.")
    boolean dynamodb;

    @Option(
        names = "--s3",
        paramLabel = "<buckets>",
        split = ",",
        arity = "0..*",
        description = "Start S3Mock with these buckets (comma-separated; may be empty).")
    List<String> s3;

    @Option(
        names = "--streams",
        description = "Create the CCI input and output Kinesis streams (implies --kinesis).")
    boolean streams;

    @Option(
        names = "--shards",
        defaultValue = "" + KinesisAdmin.DEFAULT_SHARDS,
        description = "Shards per stream with --streams (default: ${DEFAULT-VALUE}).")
    int shards;

    /** For tests: return right after start-up instead of waiting. */
    @Option(names = "--detach-for-test", hidden = true)
    boolean detachForTest;

    InputStream stdin = System.in;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      boolean any = kinesis || dynamodb || s3 != null || streams;
      LocalStack.Builder b = LocalStack.builder();
      if (!any || kinesis || streams) {
        b.kinesis();
      }
      if (!any || dynamodb) {
        b.dynamodb();
      }
      if (!any || s3 != null) {
        b.s3(s3 == null ? new String[0] : s3.toArray(String[]::new));
      }
      out.println("starting the local stack ...");
      out.flush();
      try {
        return runStack(b, out);
      } catch (RuntimeException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("error: " + e.getMessage());
        err.flush();
        return 1;
      }
    }

    private int runStack(LocalStack.Builder b, PrintWriter out) throws InterruptedException {
      try (LocalStack stack = b.start()) {
        if (streams) {
          List<String> names = new ArrayList<>();
          Streams.INPUTS.forEach(s -> names.add(Streams.kinesisName(s)));
          for (String s : List.of(Streams.ALARMS, Streams.QUEUE_METRICS, Streams.DEAD_LETTER)) {
            names.add(Streams.kinesisName(s));
          }
          try (KinesisClient k = stack.clients().kinesis()) {
            new KinesisAdmin(k).ensureStreams(names, shards);
          }
          out.println("streams (" + shards + " shards each): " + String.join(", ", names));
        }
        for (Map.Entry<LocalStack.Service, EmulatorProcess> e : stack.processes().entrySet()) {
          EmulatorProcess p = e.getValue();
          out.printf(
              "%-9s %s  (pid %d, started in %d ms, log %s)%n",
              e.getKey(),
              p.endpoint(),
              p.processHandle().pid(),
              p.startupTime().toMillis(),
              p.logFile());
        }
        for (LocalStack.Service s : LocalStack.Service.values()) {
          if (stack.endpoint(s).isPresent() && !stack.isStartedHere(s)) {
            out.printf("%-9s %s  (existing endpoint)%n", s, stack.endpoint(s).get());
          }
        }
        out.println();
        out.println("# for other shells:");
        stack.env().forEach((k, v) -> out.println("export " + k + "=" + v));
        out.println();
        out.println("running; press Ctrl-C or close stdin (Ctrl-D) to stop");
        out.flush();
        if (!detachForTest) {
          waitForStdinEof();
        }
        out.println("stopping ...");
        out.flush();
      }
      out.println("stopped");
      out.flush();
      return 0;
    }

    private void waitForStdinEof() throws InterruptedException {
      CountDownLatch eof = new CountDownLatch(1);
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))) {
                  while (r.readLine() != null) {
                    // ignore input; wait for end of stream
                  }
                } catch (Exception e) {
                  // stdin unusable: treat as closed
                } finally {
                  eof.countDown();
                }
              },
              "stack-stdin");
      reader.setDaemon(true);
      reader.start();
      // Ctrl-C: the JVM's shutdown hook stops the emulators (EmulatorProcess safety net).
      eof.await();
    }
  }
}
