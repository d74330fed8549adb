package com.cci.sim;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Deterministic identifiers: name-based UUIDs and ARNs of the simulated Connect instance. */
final class Ids {
  static final String ACCOUNT = "000000000000";
  static final String REGION = "us-east-1";

  private final long seed;
  private final String tenantId;
  final String instanceId;
  final String instanceArn;

  Ids(long seed, String tenantId) {
    this.seed = seed;
    this.tenantId = tenantId;
    this.instanceId = com.cci.sim.content.ConnectContentRenderer.instanceIdOf(tenantId);
    this.instanceArn = "arn:aws:connect:" + REGION + ":" + ACCOUNT + ":instance/" + instanceId;
  }

  /**
   * Contact id of the {@code sequence}-th contact of this run: a name-based UUID of (tenant, seed,
   * sequence), so two tenants simulated with the same seed do not share contact ids.
   */
  String contactId(long sequence) {
    return uuid("contact:" + tenantId + ":" + seed + ":" + sequence);
  }

  /** Id of a derived item (event, record) of a contact. */
  static String derived(String contactId, String what) {
    return uuid(contactId + "/" + what);
  }

  String contactArn(String contactId) {
    return instanceArn + "/contact/" + contactId;
  }

  String queueArn(String queueName) {
    return instanceArn + "/queue/" + uuid("queue:" + tenantId + ":" + queueName);
  }

  String agentArn(String username) {
    return instanceArn + "/agent/" + uuid("agent:" + tenantId + ":" + username);
  }

  String routingProfileArn(String name) {
    return instanceArn + "/routing-profile/" + uuid("routing-profile:" + tenantId + ":" + name);
  }

  static String uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** Mixes a seed and a sequence into a well-spread 64-bit seed (SplitMix64 finaliser). */
  static long mix(long seed, long sequence) {
    long z = seed + 0x9E3779B97F4A7C15L * (sequence + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
