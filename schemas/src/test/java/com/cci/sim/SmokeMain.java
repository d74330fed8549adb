package com.cci.sim;

/** Manual check: prints summaries of the built-in scenarios (not a test). */
final class SmokeMain {
  public static void main(String[] args) {
    for (String s : Scenario.BUILT_IN) {
      SimRun r = SimRun.of(s, SimulationOptions.seed(42));
      System.out.println(r.summary.describe());
    }
  }
}
