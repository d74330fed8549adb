package com.cci.schemas.validation;

/**
 * One broken rule of the contract.
 *
 * @param path JSON path of the offending value ({@code $.Queue.EnqueueTimestamp}); {@code $} for
 *     the whole record
 * @param rule the schema keyword that failed ({@code required}, {@code type}, {@code enum}...), or
 *     {@code json} when the text is not JSON at all
 * @param message a human sentence, never containing the record's values beyond the path
 */
public record Violation(String path, String rule, String message) {
  @Override
  public String toString() {
    return path + " [" + rule + "] " + message;
  }
}
