package com.cci.fulfillment.webhook;

import com.cci.fulfillment.app.FulfillmentApp;
import com.cci.fulfillment.app.FulfillmentConfig;
import com.cci.fulfillment.obs.LineWriter;
import com.cci.fulfillment.sandbox.SandboxBank;
import com.cci.local.LocalStack;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./cci webhook --port <p> [--host 127.0.0.1]}: serves the code hook over HTTP. With no
 * {@code CCI_BANK_URL} it starts the sandbox bank in this JVM; with no DynamoDB endpoint ({@code
 * AWS_ENDPOINT_URL_DYNAMODB} / {@code AWS_ENDPOINT_URL}) it starts DynamoDB Local as a child
 * process and creates the auth table. Whatever it started is stopped on exit (Ctrl-C included).
 */
public final class WebhookCommand {
  private WebhookCommand() {}

  /** Parsed command line. */
  record Args(String host, int port) {
    static Args parse(String[] argv) {
      String host = "127.0.0.1";
      Integer port = null;
      for (int i = 0; i < argv.length; i++) {
        String a = argv[i];
        switch (a) {
          case "--port" -> port = parsePort(value(argv, ++i, a));
          case "--host" -> host = value(argv, ++i, a);
          case "-h", "--help" -> throw new UsageException(null);
          default -> throw new UsageException("unknown option '" + a + "'");
        }
      }
      if (port == null) {
        throw new UsageException("--port is required");
      }
      return new Args(host, port);
    }

    private static String value(String[] argv, int i, String opt) {
      if (i >= argv.length) {
        throw new UsageException(opt + " needs a value");
      }
      return argv[i];
    }

    private static int parsePort(String v) {
      try {
        int p = Integer.parseInt(v);
        if (p < 0 || p > 65535) {
          throw new NumberFormatException();
        }
        return p;
      } catch (NumberFormatException e) {
        throw new UsageException("--port must be 0-65535, was '" + v + "'");
      }
    }
  }

  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  static final String USAGE =
      """
      Usage: ./cci webhook --port <p> [--host 127.0.0.1]

      Serves the Lex V2 code hook: POST /lex (a Lex V2 event in, the response JSON out; 400 with a
      clear message for bad input), GET /health.
      With no CCI_BANK_URL it starts the sandbox bank; with no AWS_ENDPOINT_URL_DYNAMODB it starts
      DynamoDB Local and creates the auth table. Both are stopped on exit. Other settings: see
      fulfillment/README.md (CCI_FULFILLMENT_STREAM, CCI_AUTH_*, LOG_LEVEL, ...).
      """;

  public static void main(String[] argv) throws Exception {
    Args args;
    try {
      args = Args.parse(argv);
    } catch (UsageException e) {
      PrintStream ps = e.getMessage() == null ? System.out : System.err;
      if (e.getMessage() != null) {
        ps.println("cci webhook: " + e.getMessage());
      }
      ps.print(USAGE);
      System.exit(e.getMessage() == null ? 0 : 2);
      return;
    }
    Running r = start(FulfillmentConfig.fromEnv(System.getenv()), args.host(), args.port());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  r.close();
                  stopped.countDown();
                },
                "webhook-shutdown"));
    System.err.println(
        "cci webhook: listening on http://"
            + args.host()
            + ":"
            + r.webhook().port()
            + "/lex (bank "
            + r.app().config().bankUrl().orElseThrow()
            + (r.bank() != null ? ", sandbox started here" : "")
            + (r.stack() != null ? "; DynamoDB Local started here" : "")
            + ") — Ctrl-C to stop");
    stopped.await();
  }

  /** A running webhook and whatever it started for itself. */
  public record Running(LexWebhook webhook, FulfillmentApp app, SandboxBank bank, LocalStack stack)
      implements AutoCloseable {
    @Override
    public void close() {
      try {
        webhook.close();
      } finally {
        try {
          app.close();
        } finally {
          try {
            if (bank != null) {
              bank.close();
            }
          } finally {
            if (stack != null) {
              stack.close();
            }
          }
        }
      }
    }
  }

  /** Starts the webhook, plus a sandbox bank / DynamoDB Local when none is configured. */
  public static Running start(FulfillmentConfig config, String host, int port) throws Exception {
    SandboxBank bank = null;
    LocalStack stack = null;
    FulfillmentApp app = null;
    try {
      if (config.bankUrl().isEmpty()) {
        bank = SandboxBank.withDefaultSeed().start();
        config = config.withBankUrl(bank.baseUri());
      }
      if (config.dynamoEndpoint().isEmpty()) {
        stack = LocalStack.builder().dynamodb().ignoreEnvironment().start();
        config = config.withLocalDynamo(stack.dynamoDbEndpoint());
      }
      app = new FulfillmentApp(config, Clock.systemUTC(), LineWriter.stdout());
      LexWebhook webhook = new LexWebhook(app, host, port).start();
      app.log()
          .info(
              "webhook started",
              Map.of(
                  "port",
                  webhook.port(),
                  "sandboxBank",
                  bank != null,
                  "localDynamo",
                  stack != null));
      return new Running(webhook, app, bank, stack);
    } catch (Exception | Error e) {
      if (app != null) {
        app.close();
      }
      if (bank != null) {
        bank.close();
      }
      if (stack != null) {
        stack.close();
      }
      throw e;
    }
  }
}
