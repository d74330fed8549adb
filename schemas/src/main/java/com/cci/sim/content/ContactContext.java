package com.cci.sim.content;

import java.time.Instant;

/**
 * What the contact-center simulation knows about one answered contact, handed to the content
 * generator to produce its conversation.
 *
 * @param tenantId tenant (S3 prefix), e.g. {@code demo-tenant}
 * @param contactId Connect contact id (UUID string)
 * @param channel {@code VOICE} or {@code CHAT}
 * @param queue queue name: General, Accounts, Cards, Lending, Fraud
 * @param topic what the customer called about, e.g. {@code balance}, {@code card-lost}, {@code
 *     fraud}, {@code loan-payoff}, {@code dispute}, {@code transfer}
 * @param agentId agent user id
 * @param agentName agent's display name (first name used in greetings)
 * @param customerName customer's name as the agent would say it
 * @param connectedToAgent when the agent picked up (conversation start)
 * @param disconnected when the contact ended (conversation end; ACW excluded)
 * @param negativeCustomer the scenario wants a customer who turns negative
 * @param fraudSuspected the scenario wants a fraud conversation (Contact Lens fraud category)
 * @param seed per-contact seed; the generator must be deterministic in it
 */
public record ContactContext(
    String tenantId,
    String contactId,
    String channel,
    String queue,
    String topic,
    String agentId,
    String agentName,
    String customerName,
    Instant connectedToAgent,
    Instant disconnected,
    boolean negativeCustomer,
    boolean fraudSuspected,
    long seed) {}
