package com.cci.sim.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.kinesis.StreamRecord;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Micro-measurement of the simulator's content path: a 100k-contact run has ~70k answered contacts,
 * each generated once, rendered to real-time segments and to one post-call file (plus TCA for
 * voice). Prints the rates; the floor asserted is far below what one core does, so the test only
 * fails when something becomes pathologically slow.
 */
class ContentThroughputTest {

  @Test
  void generatesAndRendersTensOfThousandsOfContactsPerSecond() {
    BankingDialogueGenerator gen = new BankingDialogueGenerator();
    ConnectContentRenderer renderer = new ConnectContentRenderer();
    int n = 20_000;
    ContactContext[] ctx = new ContactContext[n];
    for (int i = 0; i < n; i++) {
      ctx[i] = Contexts.random(1_000_000L + i);
    }
    // warm-up
    long sink = 0;
    for (int i = 0; i < 5_000; i++) {
      sink += run(gen, renderer, ctx[i]);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long c0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    Conversation[] convs = new Conversation[n];
    for (int i = 0; i < n; i++) {
      convs[i] = gen.generate(ctx[i], 0.05);
    }
    long t1 = System.nanoTime();
    long c1 = mx.getCurrentThreadCpuTime();
    long bytes = 0;
    long records = 0;
    for (int i = 0; i < n; i++) {
      List<StreamRecord> segs = renderer.realtimeSegments(ctx[i], convs[i]);
      records += segs.size();
      for (StreamRecord r : segs) {
        bytes += r.json().length();
      }
      boolean chat = ctx[i].channel().equals("CHAT");
      bytes +=
          renderer
              .postCallFile(
                  ctx[i],
                  convs[i],
                  chat ? TranscriptFormat.CONTACT_LENS_CHAT : TranscriptFormat.CONTACT_LENS_VOICE)
              .json()
              .length();
      if (!chat) {
        bytes += renderer.postCallFile(ctx[i], convs[i], TranscriptFormat.TCA).json().length();
      }
    }
    long t2 = System.nanoTime();
    long c2 = mx.getCurrentThreadCpuTime();
    // CPU time of this thread: the build machine is shared, wall time says little
    double genRate = n / ((c1 - c0) / 1e9);
    double renderRate = n / ((c2 - c1) / 1e9);
    double allRate = n / ((c2 - c0) / 1e9);
    double wallRate = n / ((t2 - t0) / 1e9);
    System.out.printf(
        "content throughput (thread CPU): generate %.0f conv/s, render %.0f conv/s (%d segment"
            + " records, %.1f MB), generate+render %.0f conv/s (wall %.0f conv/s); 70k answered"
            + " contacts need %.1f s of one core%n",
        genRate, renderRate, records, bytes / 1e6, allRate, wallRate, 70_000 / allRate);
    assertThat(sink).isPositive();
    assertThat(allRate).isGreaterThan(2_000);
  }

  private static long run(
      BankingDialogueGenerator gen, ConnectContentRenderer r, ContactContext c) {
    Conversation conv = gen.generate(c, 0.05);
    return r.realtimeSegments(c, conv).size()
        + r.postCallFile(c, conv, TranscriptFormat.TCA).json().length();
  }
}
