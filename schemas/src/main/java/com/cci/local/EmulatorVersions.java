package com.cci.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Versions of the local emulators. They are pinned once, as properties of the parent POM ({@code
 * kinesis.local.version}, {@code dynamodb.local.version}, {@code s3mock.version}), and reach this
 * class through the filtered resource {@code local/emulator-versions.properties}.
 */
public final class EmulatorVersions {
  /** npm package {@code kinesis-local} (kinesis-mock compiled to JavaScript). */
  public static final String KINESIS_LOCAL;

  /** Maven {@code com.amazonaws:DynamoDBLocal}. */
  public static final String DYNAMODB_LOCAL;

  /** Maven {@code com.adobe.testing:s3mock}, classifier {@code exec}. */
  public static final String S3MOCK;

  static {
    Properties p = new Properties();
    try (InputStream in =
        EmulatorVersions.class.getResourceAsStream("/local/emulator-versions.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "local/emulator-versions.properties missing from the classpath: build the schemas"
                + " module with Maven (it is a filtered resource)");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    KINESIS_LOCAL = required(p, "kinesis.local");
    DYNAMODB_LOCAL = required(p, "dynamodb.local");
    S3MOCK = required(p, "s3mock");
  }

  private EmulatorVersions() {}

  private static String required(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank() || v.contains("${")) {
      throw new IllegalStateException(
          "local/emulator-versions.properties has no resolved value for "
              + key
              + " (got "
              + v
              + "): the resource must be filtered by Maven");
    }
    return v.trim();
  }
}
