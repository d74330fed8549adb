package com.cci.streaming.cli;

import com.cci.cli.DemoCommand;
import picocli.CommandLine;

/**
 * {@code ./cci demo} with the streaming job: the schemas demo (simulate, validate, play into
 * Kinesis) with {@link StreamingDemoStage} around the playback.
 */
public final class DemoMain {
  private DemoMain() {}

  public static void main(String[] args) {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    System.exit(new CommandLine(new DemoCommand(new StreamingDemoStage())).execute(args));
  }
}
