package com.cci.batch.local;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A fault the local Bedrock can inject into a model call. Error faults answer with the AWS error
 * Bedrock Runtime returns (the SDK maps it to the same exception class as for real Bedrock);
 * content faults answer 200 with a broken model output for the scorer's validation and repair.
 */
public enum Fault {
  /** 429 {@code ThrottlingException} (as when the account's quota is exceeded). */
  THROTTLE("throttle", "429", "ThrottlingException", 429),
  /** 500 {@code InternalServerException}. */
  INTERNAL("internal", "500", "InternalServerException", 500),
  /** 503 {@code ServiceUnavailableException}. */
  UNAVAILABLE("unavailable", "503", "ServiceUnavailableException", 503),
  /** 424 {@code ModelErrorException}. */
  MODEL_ERROR("model-error", "424", "ModelErrorException", 424),
  /** 408 {@code ModelTimeoutException}, answered at once. */
  MODEL_TIMEOUT("model-timeout", "408", "ModelTimeoutException", 408),
  /**
   * Holds the request for {@link LocalBedrock.Options#hangFor} (past the client's timeout), then
   * answers 408 {@code ModelTimeoutException} if the client is still there.
   */
  HANG("hang", "timeout", "ModelTimeoutException", 408),
  /** The tool input arrives as a JSON string wrapped in a code fence with trailing prose. */
  MALFORMED("malformed", null, null, 200),
  /** {@code stopReason max_tokens}; the tool input is the first part of the JSON text only. */
  TRUNCATED("truncated", null, null, 200),
  /** No tool use: a text block with the answer JSON inside a markdown code fence. */
  TEXT("text", "fenced-text", null, 200),
  /** One criterion of the form is left out. */
  MISSING_CRITERION("missing-criterion", "missing", null, 200),
  /** One criterion the form does not have is added. */
  EXTRA_CRITERION("extra-criterion", "extra", null, 200),
  /** A bounded number (the tone score, else any bounded number) is out of its range, e.g. 150. */
  OUT_OF_RANGE("out-of-range", "range", null, 200),
  /** Evidence turn ids that do not exist in the transcript. */
  BAD_EVIDENCE("bad-evidence", "evidence", null, 200);

  private final String key;
  private final String alias;
  private final String errorCode;
  private final int status;

  Fault(String key, String alias, String errorCode, int status) {
    this.key = key;
    this.alias = alias;
    this.errorCode = errorCode;
    this.status = status;
  }

  /** The name used in fault specs and stats, e.g. {@code missing-criterion}. */
  public String key() {
    return key;
  }

  /** True for faults answered with an AWS error instead of a model output. */
  public boolean isError() {
    return errorCode != null;
  }

  /** The AWS error code of an error fault, else null. */
  public String errorCode() {
    return errorCode;
  }

  /** The HTTP status answered. */
  public int status() {
    return status;
  }

  /** The fault named {@code name} (its key or alias, case-insensitive). */
  public static Fault parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (Fault f : values()) {
      if (f.key.equals(n) || n.equals(f.alias)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown fault '" + name + "'; known: " + String.join(", ", names()));
  }

  /** Every fault's key (alias in brackets). */
  public static List<String> names() {
    return Arrays.stream(values())
        .map(f -> f.alias == null ? f.key : f.key + " (" + f.alias + ")")
        .collect(Collectors.toList());
  }
}
