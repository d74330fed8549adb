package com.cci.batch.local;

/** Settings of the JDK HTTP server shared by the local stand-ins. */
final class LocalHttp {
  private LocalHttp() {}

  /**
   * Turns on TCP_NODELAY for the JDK HTTP server (read once, when its configuration class loads).
   * Without it every small response waits for the client's delayed ACK: ~40 ms a call.
   */
  static void configure() {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }
}
