package com.cci.schemas;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based (RFC 4122 version 5, SHA-1) UUIDs: the same namespace and name always give the same
 * id, so a replay of the same input produces the same ids.
 */
public final class NameBasedIds {
  /** Namespace of {@code qa-result} call ids. Never change it: stored ids depend on it. */
  public static final UUID CALL_NAMESPACE = UUID.fromString("6f1c0a43-2f8e-4a5e-9d1b-2b3a1c6f0e01");

  /** Namespace of {@code alarm} ids. Never change it: stored ids depend on it. */
  public static final UUID ALARM_NAMESPACE =
      UUID.fromString("b7e2d5c4-8a31-4f0b-a6d2-5c9e7f1a3b02");

  private NameBasedIds() {}

  /** The version-5 UUID of {@code name} (UTF-8) in {@code namespace}. */
  public static UUID uuid5(UUID namespace, String name) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by every Java platform", e);
    }
    ByteBuffer ns = ByteBuffer.allocate(16);
    ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
    sha1.update(ns.array());
    byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
    ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
    return new UUID(b.getLong(), b.getLong());
  }
}
