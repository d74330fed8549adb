package com.cci.fulfillment.router;

/**
 * Receives one {@link TurnOutcome} per code-hook turn, after the response is built. The runtime
 * implements it to emit the {@code fulfillment-event} to Kinesis and EMF metrics per intent.
 *
 * <p>Called on the request thread: implementations must not block (buffer and send asynchronously).
 * An exception thrown here is swallowed by the router and never reaches Lex.
 */
@FunctionalInterface
public interface TurnListener {
  /** One turn finished. */
  void onTurn(TurnOutcome outcome);

  /** A listener that ignores every turn. */
  static TurnListener none() {
    return outcome -> {};
  }
}
