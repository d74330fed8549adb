package com.cci.fulfillment.router;

import com.cci.schemas.lex.LexV2Event;
import com.cci.schemas.lex.LexV2Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Delivers one Lex event to the router {@code n} times at once (threads released together), as a
 * retried or duplicated invocation would: the exactly-once tests' race.
 */
final class SameEventAtOnce {
  private SameEventAtOnce() {}

  /** Every reply, in submission order; fails if one takes more than 10 s. */
  static List<LexV2Response> deliver(IntentRouter router, LexV2Event event, int n)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<LexV2Response>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return router.handle(event);
                }));
      }
      go.countDown();
      List<LexV2Response> replies = new ArrayList<>();
      for (Future<LexV2Response> f : futures) {
        replies.add(f.get(10, TimeUnit.SECONDS));
      }
      return replies;
    } finally {
      pool.shutdownNow();
    }
  }
}
