package com.cci.batch.cli;

import picocli.CommandLine;

/** Runs a picocli command with the batch module's error handling: a clear message, exit code 1. */
final class Main {
  private Main() {}

  static int execute(Object command, String[] args) {
    CommandLine cl = new CommandLine(command);
    cl.setExecutionExceptionHandler(
        (e, line, parse) -> {
          line.getErr().println(line.getCommandName() + ": " + message(e));
          if (System.getenv("CCI_DEBUG") != null) {
            e.printStackTrace(line.getErr());
          } else {
            line.getErr().println("(set CCI_DEBUG=1 for the stack trace)");
          }
          return 1;
        });
    return cl.execute(args);
  }

  private static String message(Throwable e) {
    StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
    Throwable c = e.getCause();
    while (c != null && c != e) {
      sb.append("\n  caused by: ")
          .append(c.getClass().getSimpleName())
          .append(": ")
          .append(c.getMessage());
      e = c;
      c = c.getCause();
    }
    return sb.toString();
  }
}
