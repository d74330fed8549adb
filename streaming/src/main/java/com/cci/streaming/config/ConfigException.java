package com.cci.streaming.config;

/**
 * A missing or bad configuration value. The message names the property group and key and says what
 * was wrong, e.g. {@code group 'job' key 'checkpoint.interval': not a duration: 'soon'}.
 */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A problem with one key of one group. */
  public static ConfigException of(String group, String key, String problem) {
    return new ConfigException("group '" + group + "' key '" + key + "': " + problem);
  }
}
