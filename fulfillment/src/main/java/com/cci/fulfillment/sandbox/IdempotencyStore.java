package com.cci.fulfillment.sandbox;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Remembers the outcome of each {@code Idempotency-Key}: the first request with a key executes, any
 * later or concurrent request with the same key and an equal body gets the very same answer without
 * executing again; an equal key with a different body is a conflict.
 *
 * @param <R> the normalised request, compared with {@code equals}
 * @param <A> the answer
 */
final class IdempotencyStore<R, A> {
  /** Outcome of {@link #execute}. */
  sealed interface Outcome<A> permits Fresh, Replayed, Conflict {}

  record Fresh<A>(A answer) implements Outcome<A> {}

  record Replayed<A>(A answer) implements Outcome<A> {}

  record Conflict<A>() implements Outcome<A> {}

  private record Entry<R, A>(R request, CompletableFuture<A> answer) {}

  private final ConcurrentHashMap<String, Entry<R, A>> entries = new ConcurrentHashMap<>();

  Outcome<A> execute(String key, R request, Supplier<A> action) {
    Entry<R, A> mine = new Entry<>(request, new CompletableFuture<>());
    Entry<R, A> existing = entries.putIfAbsent(key, mine);
    if (existing != null) {
      if (!existing.request().equals(request)) {
        return new Conflict<>();
      }
      return new Replayed<>(existing.answer().join());
    }
    try {
      A answer = action.get();
      mine.answer().complete(answer);
      return new Fresh<>(answer);
    } catch (RuntimeException | Error e) {
      // Nothing was decided: forget the key so a retry may execute, and release waiters.
      entries.remove(key, mine);
      mine.answer().completeExceptionally(e);
      throw e;
    }
  }

  int size() {
    return entries.size();
  }
}
