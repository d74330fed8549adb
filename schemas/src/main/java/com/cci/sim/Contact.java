package com.cci.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Mutable simulation state of one contact. Times are epoch milliseconds, -1 when not reached. */
final class Contact {
  enum State {
    BOT,
    PENDING_QUEUE,
    QUEUED,
    TALKING,
    ACW,
    DONE
  }

  final long seq;
  final String id;
  final SplittableRandom rng;
  final long seed;

  String channel;
  int queue = -1;
  String topic;
  String initiationMethod;
  String previousId;
  String initialId;
  String nextId;
  String customerAddress;
  String customerName;
  boolean negativeCustomer;
  boolean fraudSuspected;
  boolean attacker;

  State state = State.BOT;
  GroundTruth.Outcome outcome;
  long initiationMs = -1;
  long connectedToSystemMs = -1;
  long enqueueMs = -1;
  long answerMs = -1;
  long abandonMs = -1;
  long disconnectMs = -1;
  long acwEndMs = -1;
  long transferCompletedMs = -1;
  long patienceMs = Long.MAX_VALUE;
  long handleMs;
  long acwMs;
  Agent agent;
  String disconnectReason;
  String authOutcome = "NONE";
  int ctrEmissions;
  boolean lateCtr;
  List<String> lostEvents;

  Contact(long seq, String id, long seed) {
    this.seq = seq;
    this.id = id;
    this.seed = seed;
    this.rng = new SplittableRandom(seed);
  }

  boolean isVoice() {
    return "VOICE".equals(channel);
  }

  void lost(String eventType) {
    if (lostEvents == null) {
      lostEvents = new ArrayList<>(1);
    }
    lostEvents.add(eventType);
  }
}
