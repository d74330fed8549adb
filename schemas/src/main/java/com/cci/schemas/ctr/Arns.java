package com.cci.schemas.ctr;

/**
 * Small helpers for Amazon Connect ARNs ({@code
 * arn:aws:connect:<region>:<acct>:instance/<id>/queue/<id>}).
 */
public final class Arns {
  private Arns() {}

  /**
   * The id following {@code /<resource>/} in an ARN, e.g. the queue id of a queue ARN; null when
   * the ARN is null or has no such element.
   */
  public static String lastSegment(String arn, String resource) {
    if (arn == null) {
      return null;
    }
    String marker = "/" + resource + "/";
    int at = arn.lastIndexOf(marker);
    if (at < 0) {
      return null;
    }
    String rest = arn.substring(at + marker.length());
    int slash = rest.indexOf('/');
    String id = slash < 0 ? rest : rest.substring(0, slash);
    return id.isEmpty() ? null : id;
  }

  /** The instance id of any Connect ARN at or under an instance, or null. */
  public static String instanceId(String arn) {
    if (arn == null) {
      return null;
    }
    String marker = ":instance/";
    int at = arn.indexOf(marker);
    if (at < 0) {
      return null;
    }
    String id = arn.substring(at + marker.length()).split("/", 2)[0];
    return id.isEmpty() ? null : id;
  }
}
