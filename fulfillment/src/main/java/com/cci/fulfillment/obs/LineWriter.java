package com.cci.fulfillment.obs;

import java.io.PrintStream;

/**
 * Where structured log and EMF lines go: standard output in Lambda (one line = one CloudWatch Logs
 * event) and in the webhook; a list in tests.
 */
@FunctionalInterface
public interface LineWriter {
  void write(String line);

  /** Standard output, one line per call. */
  static LineWriter stdout() {
    PrintStream out = System.out;
    return out::println;
  }
}
