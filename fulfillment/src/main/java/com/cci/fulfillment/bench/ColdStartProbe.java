package com.cci.fulfillment.bench;

import com.cci.fulfillment.lambda.LexHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * P7's child JVM: constructs {@link LexHandler} as the Lambda runtime would (configuration from the
 * environment), answers one event read from a file, prints the reply on one line prefixed with
 * {@code ANSWER } and exits. The parent measures from launching this JVM to reading that line. With
 * {@code -Dcci.p7.cdsTraining=true} (the AppCDS training run) it waits for the class preloader
 * before exiting, after the answer.
 */
public final class ColdStartProbe {
  private ColdStartProbe() {}

  public static void main(String[] args) throws Exception {
    long main = System.currentTimeMillis();
    // The parent passes its wall clock at launch (the management beans would cost ~50 ms of class
    // loading of their own, and the process start time from /proc has 1 s resolution).
    long jvmStart = Long.getLong("cci.launchedAtMs", main);
    byte[] event = Files.readAllBytes(Path.of(args[0]));
    PrintStream out = System.out;
    // Log and EMF lines go to stderr so stdout carries only the answer.
    System.setOut(System.err);
    LexHandler handler = new LexHandler();
    long constructed = System.currentTimeMillis();
    ByteArrayOutputStream reply = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event), reply, null);
    long answered = System.currentTimeMillis();
    out.println("ANSWER " + reply.toString(StandardCharsets.UTF_8));
    out.flush();
    // After the answer, so it does not delay it: where the time went.
    out.println(
        "PHASES jvm_to_main="
            + (main - jvmStart)
            + " construct="
            + (constructed - main)
            + " first_event="
            + (answered - constructed));
    out.flush();
    if (Boolean.getBoolean("cci.p7.cdsTraining")) {
      // An AppCDS training run: let the preloader finish so the archive holds all it loads (the
      // bank models of every intent, not only CheckBalance's).
      LexHandler.awaitClassPreload(10_000);
    }
    System.exit(0);
  }
}
