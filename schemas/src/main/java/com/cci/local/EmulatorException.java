package com.cci.local;

/**
 * An emulator could not be installed, started or stopped. The message says which command or process
 * failed and carries the tail of its output or log.
 */
public class EmulatorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EmulatorException(String message) {
    super(message);
  }

  public EmulatorException(String message, Throwable cause) {
    super(message, cause);
  }
}
