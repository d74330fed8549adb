package com.cci.fulfillment.sandbox;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 PIN hashes with a random per-customer salt, compared in constant time. The
 * clear PIN is dropped as soon as the seed is loaded.
 */
public final class PinHasher {
  /** Iterations: modest on purpose so the sandbox stays fast under load tests. */
  static final int ITERATIONS = 10_000;

  private static final SecureRandom RANDOM = new SecureRandom();

  private PinHasher() {}

  /** A salted hash of one PIN. */
  public record PinHash(byte[] salt, byte[] hash) {
    /** Constant-time check of a candidate PIN. */
    public boolean matches(String candidate) {
      if (candidate == null) {
        return false;
      }
      return MessageDigest.isEqual(hash, derive(candidate, salt));
    }
  }

  /** Hashes {@code pin} with a fresh random salt. */
  public static PinHash hash(String pin) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return new PinHash(salt, derive(pin, salt));
  }

  private static byte[] derive(String pin, byte[] salt) {
    char[] chars = pin.toCharArray();
    PBEKeySpec spec = new PBEKeySpec(chars, salt, ITERATIONS, 256);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 not available", e);
    } finally {
      spec.clearPassword();
      Arrays.fill(chars, '\0');
    }
  }
}
