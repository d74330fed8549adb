package com.cci.schemas.validation;

import com.cci.schemas.SchemaKind;
import java.util.List;

/**
 * Outcome of validating one record.
 *
 * @param kind the contract kind it was validated against
 * @param recordRef where the record came from: {@code file.jsonl:12} or a caller-given label
 * @param violations empty when the record is valid
 */
public record ValidationResult(SchemaKind kind, String recordRef, List<Violation> violations) {
  public ValidationResult {
    violations = List.copyOf(violations);
  }

  public boolean valid() {
    return violations.isEmpty();
  }

  /**
   * One line per violation, prefixed with the record reference; suitable for a dead-letter reason.
   */
  public String describe() {
    if (valid()) {
      return recordRef + ": valid " + kind.id();
    }
    StringBuilder sb = new StringBuilder();
    for (Violation v : violations) {
      if (!sb.isEmpty()) {
        sb.append('\n');
      }
      sb.append(recordRef).append(": invalid ").append(kind.id()).append(": ").append(v);
    }
    return sb.toString();
  }
}
