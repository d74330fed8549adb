package com.cci.sim.content;

/** Produces a deterministic conversation for a contact. */
public interface ConversationGenerator {
  /**
   * @param ctx the contact
   * @param piiShare probability that this call carries residual PII (0..1)
   */
  Conversation generate(ContactContext ctx, double piiShare);
}
