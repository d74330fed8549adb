package com.cci.batch.input;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a transcript file's key (path relative to the input prefix) says: the tenant, the kind of
 * file, the date folder and the contact id in the file name. Connect writes {@code
 * <tenant>/Analysis/Voice/YYYY/MM/DD/<contactId>_analysis_<ts>.json} (also {@code Voice/Redacted},
 * {@code Chat}); Transcribe Call Analytics output sits under {@code <tenant>/tca/YYYY/MM/DD/
 * <jobName>.json}, the job named after the contact.
 *
 * @param key the key relative to the input prefix, {@code /}-separated
 * @param tenantId the first path segment
 * @param kind which folder
 * @param date the date folder
 * @param contactIdFromName the contact id the file name carries (before {@code _analysis_}, or the
 *     TCA job name), or null when the name carries none
 */
public record SourceKey(
    String key, String tenantId, Kind kind, LocalDate date, String contactIdFromName)
    implements Serializable {

  /** The folders transcripts are read from. */
  public enum Kind {
    VOICE("Analysis/Voice"),
    VOICE_REDACTED("Analysis/Voice/Redacted"),
    CHAT("Analysis/Chat"),
    TCA("tca");

    private final String folder;

    Kind(String folder) {
      this.folder = folder;
    }

    /** The folder under the tenant prefix, e.g. {@code Analysis/Voice/Redacted}. */
    public String folder() {
      return folder;
    }

    /** The folder of one day: {@code <folder>/YYYY/MM/DD}. */
    public String dayFolder(LocalDate date) {
      return String.format(
          Locale.ROOT,
          "%s/%04d/%02d/%02d",
          folder,
          date.getYear(),
          date.getMonthValue(),
          date.getDayOfMonth());
    }
  }

  /** Tenant ids as the QA form contract allows them. */
  public static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private static final Pattern KEY =
      Pattern.compile(
          "^([^/]+)/(Analysis/Voice/Redacted|Analysis/Voice|Analysis/Chat|tca)/"
              + "(\\d{4})/(\\d{2})/(\\d{2})/([^/]+)$");
  private static final Pattern CONNECT_NAME = Pattern.compile("^(.+?)_analysis_.*\\.json$");

  /**
   * Parses a key relative to the input prefix.
   *
   * @throws IllegalArgumentException when the key is not in one of the transcript layouts
   */
  public static SourceKey parse(String key) {
    Matcher m = KEY.matcher(key);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a transcript key (<tenant>/Analysis/{Voice,Voice/Redacted,Chat}/YYYY/MM/DD/<file>"
              + " or <tenant>/tca/YYYY/MM/DD/<file>): "
              + key);
    }
    Kind kind =
        switch (m.group(2)) {
          case "Analysis/Voice/Redacted" -> Kind.VOICE_REDACTED;
          case "Analysis/Voice" -> Kind.VOICE;
          case "Analysis/Chat" -> Kind.CHAT;
          default -> Kind.TCA;
        };
    LocalDate date =
        LocalDate.of(
            Integer.parseInt(m.group(3)),
            Integer.parseInt(m.group(4)),
            Integer.parseInt(m.group(5)));
    String file = m.group(6);
    String contact = null;
    if (kind == Kind.TCA) {
      contact = file.endsWith(".json") ? file.substring(0, file.length() - 5) : null;
    } else {
      Matcher n = CONNECT_NAME.matcher(file);
      contact = n.matches() ? n.group(1) : null;
    }
    return new SourceKey(key, m.group(1), kind, date, contact);
  }

  /** True for files Connect redacted (preferred over the raw copy of the same contact). */
  public boolean redacted() {
    return kind == Kind.VOICE_REDACTED;
  }
}
