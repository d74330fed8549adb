package com.cci.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point for the commands that live in the schemas module (validate, simulate, stack, demo).
 * The {@code ./cci} launcher dispatches here; other modules have their own mains.
 */
@Command(
    name = "cci",
    mixinStandardHelpOptions = true,
    version = "cci 0.1.0",
    description = "CCI contract, simulator and local stack commands.",
    subcommands = {
      ValidateCommand.class,
      SimulateCommand.class,
      StackCommand.class,
      DemoCommand.class
    })
public final class Cci implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (tests call this instead of main). */
  public static int run(String... args) {
    return new CommandLine(new Cci()).execute(args);
  }
}
