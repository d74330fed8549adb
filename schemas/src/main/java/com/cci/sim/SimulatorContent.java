package com.cci.sim;

import com.cci.sim.content.BankingDialogueGenerator;
import com.cci.sim.content.ConnectContentRenderer;
import com.cci.sim.content.ContentRenderer;
import com.cci.sim.content.ConversationGenerator;

/** The production content implementations the CLI and the benchmark plug into the simulator. */
public final class SimulatorContent {
  private SimulatorContent() {}

  /** The banking dialogue generator (deterministic in the contact's seed). */
  public static ConversationGenerator generator() {
    return new BankingDialogueGenerator();
  }

  /** The Amazon Connect renderer (Contact Lens segments, post-call files, TCA output). */
  public static ContentRenderer renderer() {
    return new ConnectContentRenderer();
  }
}
