package com.cci.batch.local;

/**
 * An error the local AWS stand-ins answer with: the AWS error code (the SDK maps it to its
 * exception class, e.g. {@code ThrottlingException}), the HTTP status and a message.
 */
final class AwsServiceError extends RuntimeException {
  private final String code;
  private final int status;

  AwsServiceError(String code, int status, String message) {
    super(message);
    this.code = code;
    this.status = status;
  }

  String code() {
    return code;
  }

  int status() {
    return status;
  }

  static AwsServiceError validation(String message) {
    return new AwsServiceError("ValidationException", 400, message);
  }

  static AwsServiceError notFound(String message) {
    return new AwsServiceError("ResourceNotFoundException", 404, message);
  }

  static AwsServiceError throttling(String message) {
    return new AwsServiceError("ThrottlingException", 429, message);
  }
}
