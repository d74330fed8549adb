package com.cci.sim;

import com.cci.kinesis.StreamRecord;
import com.cci.kinesis.Streams;
import com.cci.schemas.fulfillment.FulfillmentEvent;
import com.cci.sim.content.ContactContext;
import com.cci.sim.content.ContentRenderer;
import com.cci.sim.content.Conversation;
import com.cci.sim.content.ConversationGenerator;
import com.cci.sim.content.PlantedPii;
import com.cci.sim.content.TranscriptFile;
import com.cci.sim.content.TranscriptFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The discrete-event simulation of the contact center. Events (arrivals, bot hand-over, abandon,
 * end of talk, end of after-contact work, shifts, drop-offs, minute ticks) are processed in time
 * order; records are produced at or before their event time and released by a {@link ReorderBuffer}
 * in arrival order. Ground truth comes from the state kept here.
 *
 * <p>Not thread-safe; one engine per run.
 */
final class Engine {
  private static final int TICK = 0;
  private static final int ARRIVAL = 1;
  private static final int ATTACK = 2;
  private static final int BOT_DONE = 3;
  private static final int ENQUEUE = 4;
  private static final int ABANDON = 5;
  private static final int TALK_END = 6;
  private static final int ACW_END = 7;
  private static final int SHIFT_START = 8;
  private static final int SHIFT_END = 9;
  private static final int DROP_OFF = 10;
  private static final int AGENTS_RETURN = 11;

  /** After the last arrival, wait at most this long for the contact center to drain. */
  static final long MAX_DRAIN_MS = 4 * 3_600_000L;

  /** A queued callback nobody took within this time expires (counted as abandoned). */
  static final long CALLBACK_EXPIRY_MS = 2 * 3_600_000L;

  private static final String[] FIRST_NAMES = {
    "Maria", "James", "Aisha", "Chen", "Olivia", "Liam", "Sofia", "Noah", "Priya", "Lucas", "Emma",
    "Mateo", "Hana", "Ethan", "Zoe", "Omar", "Grace", "Daniel", "Ines", "Samuel", "Leila", "Victor",
    "Nora", "Kwame", "Elena", "Ravi", "Julia", "Tomas", "Amara", "Felix"
  };
  private static final String[] LAST_NAMES = {
    "Garcia", "Smith", "Khan", "Wang", "Johnson", "Brown", "Rossi", "Miller", "Patel", "Silva",
    "Nguyen", "Lopez", "Tanaka", "Davis", "Martin", "Haddad", "Wilson", "Moore", "Costa", "Clark"
  };

  private record Ev(long time, int prio, long seq, int type, Object ref) {}

  private record Window(long fromMs, long toMs, String queue, double a, double b) {
    boolean covers(long ms) {
      return ms >= fromMs && ms < toMs;
    }
  }

  /** Per-queue state and counters. */
  private static final class QueueState {
    final int index;
    final String name;
    final String arn;
    final Draw.Weighted topics;
    final ArrayDeque<Contact> voiceWaiting = new ArrayDeque<>();
    final ArrayDeque<Contact> chatWaiting = new ArrayDeque<>();
    int waiting;
    int[] agents = new int[0];
    int offered;
    int answered;
    int abandoned;
    int closed;
    int within30;
    long totalOffered;
    long totalAnswered;
    long totalAbandoned;
    long totalClosed;
    long totalWithin30;

    QueueState(int index, String name, String arn, Map<String, Double> topics) {
      this.index = index;
      this.name = name;
      this.arn = arn;
      this.topics = new Draw.Weighted(topics);
    }

    ArrayDeque<Contact> deque(boolean voice) {
      return voice ? voiceWaiting : chatWaiting;
    }

    /** Head of a waiting line after dropping contacts that left it. */
    Contact head(boolean voice) {
      ArrayDeque<Contact> d = deque(voice);
      Contact c = d.peekFirst();
      while (c != null && c.state != Contact.State.QUEUED) {
        d.pollFirst();
        c = d.peekFirst();
      }
      return c;
    }
  }

  private final Scenario scenario;
  private final ConversationGenerator generator;
  private final ContentRenderer renderer;
  private final SimulationSink sink;
  private final ReorderBuffer buffer;
  private final Ids ids;
  private final HoursCalendar calendar;
  private final ArrivalProfile profile;
  private final ConnectRecords records;
  private final BotTurns bot;
  private final Scenario.Shares shares;
  private final Scenario.Distributions dist;
  private final Draw.Weighted channels;
  private final String tenant;
  private final long seed;
  private final QueueState[] queues;
  private final Map<String, Integer> queueIndex = new HashMap<>();
  private final Agent[] agents;
  private final int fraudQueue;
  private final List<Window> backendSpikes = new ArrayList<>();
  private final List<Window> sentimentShifts = new ArrayList<>();
  private final PriorityQueue<Ev> events =
      new PriorityQueue<>(
          (a, b) -> {
            int c = Long.compare(a.time, b.time);
            if (c == 0) {
              c = Integer.compare(a.prio, b.prio);
            }
            return c != 0 ? c : Long.compare(a.seq, b.seq);
          });
  private final Map<Long, Contact> active = new HashMap<>();
  private final SplittableRandom arrivalRng;
  private final long startMs;
  private final long horizonMs;
  private final long hardStopMs;
  private final Integer cap;

  private long evSeq;
  private long contactSeq;
  private long clock;
  private boolean finished;
  private long lastTickMs;

  long customerContacts;
  long derivedContacts;
  long attackerCalls;
  long selfServed;
  long closedContacts;
  long callbacks;
  long transfers;
  long transcriptFiles;
  long lostEvents;
  long duplicateCtrs;
  long lateCtrs;

  Engine(
      Scenario scenario,
      SimulationOptions options,
      ConversationGenerator generator,
      ContentRenderer renderer,
      SimulationSink sink,
      java.util.function.Consumer<StreamRecord> streamOut) {
    Scenario s = scenario;
    if (options.startDate() != null) {
      s = s.withStartDate(options.startDate());
    }
    if (options.startTime() != null) {
      s = s.withStart(s.start().toLocalDate().atTime(options.startTime()));
    }
    if (options.hours() != null) {
      s = s.withDurationHours(options.hours());
    }
    this.scenario = s.validate();
    this.generator = generator;
    this.renderer = renderer;
    this.sink = sink;
    this.buffer = new ReorderBuffer(streamOut);
    this.tenant = options.tenantId();
    this.seed = options.seed();
    this.ids = new Ids(seed, tenant);
    this.calendar = new HoursCalendar(s);
    this.profile = new ArrivalProfile(s, calendar);
    this.records = new ConnectRecords(ids, tenant);
    this.shares = s.shares();
    this.dist = s.distributions();
    this.channels = new Draw.Weighted(s.channelMix());
    this.arrivalRng = new SplittableRandom(Ids.mix(seed, -1));
    ZoneId zone = calendar.zone();
    this.startMs = s.start().atZone(zone).toInstant().toEpochMilli();
    this.horizonMs = startMs + Math.round(s.durationHours() * 3_600_000);
    this.hardStopMs = horizonMs + MAX_DRAIN_MS;
    this.cap = options.contacts();

    queues = new QueueState[s.queues().size()];
    for (int i = 0; i < queues.length; i++) {
      Scenario.QueueSpec q = s.queues().get(i);
      queues[i] = new QueueState(i, q.name(), ids.queueArn(q.name()), q.topics());
      queueIndex.put(q.name(), i);
    }
    fraudQueue = queueIndex.getOrDefault("Fraud", -1);
    this.bot = new BotTurns(tenant, shares.authFailure(), this::backendErrorShare);

    LocalDate firstDay = s.start().toLocalDate();
    List<Scenario.ScenarioEvent> inRun = new ArrayList<>();
    for (Scenario.ScenarioEvent e : s.events()) {
      // Events that start after the last arrival (e.g. with --hours) do not happen.
      long begins = at(e.type() == Scenario.EventType.AGENT_DROP_OFF ? e.at() : e.from(), firstDay);
      if (begins < horizonMs) {
        inRun.add(e);
      }
    }
    for (Scenario.ScenarioEvent e : inRun) {
      switch (e.type()) {
        case ARRIVAL_SURGE -> {
          long from = at(e.from(), firstDay);
          long to = at(e.to(), firstDay);
          profile.addSurge(queueIndex.get(e.queue()), from, to, e.factor());
          marker(e, from, to, "arrivals to " + e.queue() + " x" + e.factor(), 0);
        }
        case SENTIMENT_SHIFT -> {
          long from = at(e.from(), firstDay);
          long to = at(e.to(), firstDay);
          sentimentShifts.add(
              new Window(
                  from,
                  to,
                  e.queue(),
                  e.negativeCustomer() == null ? -1 : e.negativeCustomer(),
                  e.fraudSuspected() == null ? -1 : e.fraudSuspected()));
          marker(
              e,
              from,
              to,
              "negativeCustomer "
                  + e.negativeCustomer()
                  + ", fraudSuspected "
                  + e.fraudSuspected()
                  + (e.queue() == null ? "" : " in " + e.queue()),
              0);
        }
        case BACKEND_ERROR_SPIKE -> {
          long from = at(e.from(), firstDay);
          long to = at(e.to(), firstDay);
          backendSpikes.add(new Window(from, to, null, e.errorShare(), 0));
          marker(e, from, to, "bot backend error share " + e.errorShare(), 0);
        }
        default -> {
          // scheduled below, once agents exist
        }
      }
    }

    double arrivalScale = 1.0;
    if (cap != null) {
      double expected = profile.expected(startMs, horizonMs);
      if (!(expected > 0)) {
        throw new IllegalArgumentException(
            "scenario " + s.name() + " has no arrivals in its duration; cannot scale to " + cap);
      }
      arrivalScale = cap / expected;
      profile.setScale(arrivalScale);
    }
    agents = buildAgents(s, arrivalScale);

    for (Scenario.ScenarioEvent e : inRun) {
      switch (e.type()) {
        case AGENT_DROP_OFF -> {
          long t = at(e.at(), firstDay);
          int n = Math.max(1, (int) Math.round(e.count() * arrivalScale));
          schedule(t, DROP_OFF, new Object[] {e, n});
        }
        case PIN_GUESSING_BURST -> {
          long from = at(e.from(), firstDay);
          long to = at(e.to(), firstDay);
          SplittableRandom r = new SplittableRandom(Ids.mix(seed, -2 - evSeq));
          long[] times = new long[e.attempts()];
          for (int i = 0; i < times.length; i++) {
            times[i] = from + (long) (r.nextDouble() * (to - from));
          }
          Arrays.sort(times);
          for (long t : times) {
            schedule(t, ATTACK, null);
          }
          marker(e, from, to, e.attempts() + " PIN-guessing calls", e.attempts());
        }
        default -> {}
      }
    }
    scheduleShifts(s);
    lastTickMs = Math.floorDiv(startMs, 60_000) * 60_000;
    schedule(lastTickMs + 60_000, TICK, null);
    long first = profile.next(arrivalRng, startMs - 1, horizonMs);
    if (first != Long.MAX_VALUE && (cap == null || cap > 0)) {
      schedule(first, ARRIVAL, null);
    }
    clock = startMs;
  }

  private long at(String dayTime, LocalDate firstDay) {
    LocalDateTime t = Scenario.DayTime.parse(dayTime).on(firstDay);
    return t.atZone(calendar.zone()).toInstant().toEpochMilli();
  }

  private void marker(Scenario.ScenarioEvent e, long from, long to, String detail, int count) {
    sink.scenarioEvent(
        new GroundTruth.ScenarioMarker(
            e.type().name(), Times.millis(from), Times.millis(to), detail, count));
  }

  private Agent[] buildAgents(Scenario s, double scale) {
    List<Agent> list = new ArrayList<>();
    int g = 0;
    for (Scenario.StaffGroup group : s.staffing()) {
      int n = group.agents() == 0 ? 0 : Math.max(1, (int) Math.round(group.agents() * scale));
      java.util.TreeMap<Integer, List<Integer>> levels = new java.util.TreeMap<>();
      for (Scenario.QueueSkill skill : group.queues()) {
        levels
            .computeIfAbsent(skill.priority(), k -> new ArrayList<>())
            .add(queueIndex.get(skill.queue()));
      }
      int[][] byPriority =
          levels.values().stream()
              .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
              .toArray(int[][]::new);
      Map<String, Integer> conc = group.concurrency() == null ? Map.of() : group.concurrency();
      int voiceConc = conc.getOrDefault("VOICE", 1);
      int chatConc = conc.getOrDefault("CHAT", 2);
      String rpArn = ids.routingProfileArn(group.routingProfile());
      for (int i = 0; i < n; i++) {
        int idx = list.size();
        String first = FIRST_NAMES[idx % FIRST_NAMES.length];
        String username =
            first.toLowerCase(java.util.Locale.ROOT) + "." + String.format("%04d", idx);
        list.add(
            new Agent(
                idx,
                username,
                first,
                ids.agentArn(username),
                g,
                group.routingProfile(),
                rpArn,
                byPriority,
                voiceConc,
                chatConc));
      }
      g++;
    }
    Agent[] out = list.toArray(new Agent[0]);
    for (QueueState q : queues) {
      q.agents = Arrays.stream(out).filter(a -> a.serves(q.index)).mapToInt(a -> a.index).toArray();
    }
    return out;
  }

  private void scheduleShifts(Scenario s) {
    ZoneId zone = calendar.zone();
    LocalDate firstDay = calendar.local(startMs).toLocalDate().minusDays(1);
    LocalDate lastDay = calendar.local(hardStopMs).toLocalDate();
    for (int g = 0; g < s.staffing().size(); g++) {
      Scenario.LocalTimeWindow w = Scenario.LocalTimeWindow.parse(s.staffing().get(g).shift());
      for (LocalDate d = firstDay; !d.isAfter(lastDay); d = d.plusDays(1)) {
        long from =
            d.atStartOfDay().plusMinutes(w.fromMinute()).atZone(zone).toInstant().toEpochMilli();
        long to =
            d.atStartOfDay().plusMinutes(w.toMinute()).atZone(zone).toInstant().toEpochMilli();
        if (to <= startMs || from >= hardStopMs) {
          continue;
        }
        if (from <= startMs) {
          for (Agent a : agents) {
            if (a.group == g) {
              a.onShift = true;
              a.availableSinceMs = startMs;
            }
          }
        } else {
          schedule(from, SHIFT_START, g);
        }
        schedule(to, SHIFT_END, g);
      }
    }
  }

  private void schedule(long time, int type, Object ref) {
    events.add(new Ev(time, type == TICK ? 0 : 1, evSeq++, type, ref));
  }

  // ------------------------------------------------------------------ main loop

  /** Processes one event; false once the run is over (all records released). */
  boolean step() {
    if (finished) {
      return false;
    }
    Ev e = events.poll();
    if (e == null) {
      finish();
      return false;
    }
    clock = e.time();
    buffer.advanceTo(clock);
    switch (e.type()) {
      case TICK -> tick();
      case ARRIVAL -> arrival();
      case ATTACK -> attack();
      case BOT_DONE -> botDone((Contact) e.ref());
      case ENQUEUE -> enqueue((Contact) e.ref());
      case ABANDON -> abandon((Contact) e.ref());
      case TALK_END -> talkEnd((Contact) e.ref());
      case ACW_END -> acwEnd((Contact) e.ref());
      case SHIFT_START -> shift((Integer) e.ref(), true);
      case SHIFT_END -> shift((Integer) e.ref(), false);
      case DROP_OFF -> dropOff((Object[]) e.ref());
      case AGENTS_RETURN -> agentsReturn((Agent[]) e.ref());
      default -> throw new IllegalStateException("unknown event type " + e.type());
    }
    return !finished;
  }

  void runToEnd() {
    while (step()) {
      // keep going
    }
  }

  private void tick() {
    long minuteStart = clock - 60_000;
    String minute = Times.seconds(minuteStart);
    for (QueueState q : queues) {
      long oldest = Long.MAX_VALUE;
      Contact v = q.head(true);
      Contact c = q.head(false);
      if (v != null) {
        oldest = v.enqueueMs;
      }
      if (c != null) {
        oldest = Math.min(oldest, c.enqueueMs);
      }
      int loggedIn = 0;
      for (int ai : q.agents) {
        if (agents[ai].loggedIn()) {
          loggedIn++;
        }
      }
      sink.queueMinute(
          new GroundTruth.QueueMinute(
              tenant,
              q.name,
              minute,
              q.offered,
              q.answered,
              q.abandoned,
              q.closed,
              q.waiting,
              oldest == Long.MAX_VALUE ? 0 : (clock - oldest) / 1000,
              q.within30,
              loggedIn));
      q.offered = 0;
      q.answered = 0;
      q.abandoned = 0;
      q.closed = 0;
      q.within30 = 0;
    }
    lastTickMs = clock;
    if (clock >= horizonMs && active.isEmpty()) {
      finish();
    } else if (clock >= hardStopMs) {
      finish();
    } else {
      schedule(clock + 60_000, TICK, null);
    }
  }

  private void finish() {
    if (finished) {
      return;
    }
    List<Contact> left = new ArrayList<>(active.values());
    left.sort(Comparator.comparingLong(c -> c.seq));
    for (Contact c : left) {
      switch (c.state) {
        case QUEUED -> outcome(c, GroundTruth.Outcome.STILL_WAITING);
        case TALKING, ACW -> outcome(c, GroundTruth.Outcome.ANSWERED);
        default -> outcome(c, GroundTruth.Outcome.STILL_WAITING);
      }
    }
    active.clear();
    buffer.drain();
    finished = true;
  }

  // ------------------------------------------------------------------ contacts

  private Contact newContact() {
    long seq = contactSeq++;
    return new Contact(seq, ids.contactId(seq), Ids.mix(seed, seq));
  }

  private void arrival() {
    customerContacts++;
    if (cap == null || customerContacts < cap) {
      long next = profile.next(arrivalRng, clock, horizonMs);
      if (next != Long.MAX_VALUE) {
        schedule(next, ARRIVAL, null);
      }
    }
    Contact c = newContact();
    SplittableRandom r = c.rng;
    long t = clock;
    c.channel = channels.pick(r);
    c.queue = profile.pickQueue(r, t);
    QueueState q = queues[c.queue];
    c.topic = q.topics.pick(r);
    c.initiationMethod = "INBOUND";
    c.initiationMs = t;
    c.connectedToSystemMs = t + 200 + r.nextInt(1300);
    c.customerAddress = String.format("+1555010%04d", r.nextInt(10_000));
    c.customerName =
        FIRST_NAMES[r.nextInt(FIRST_NAMES.length)] + " " + LAST_NAMES[r.nextInt(LAST_NAMES.length)];
    drawFlags(c, t);
    boolean selfServe = Draw.chance(r, shares.selfServe());
    long botMs = Draw.logNormalMillis(r, dist.botSeconds());
    c.patienceMs = Draw.logNormalMillis(r, dist.patienceSeconds().get(c.channel));
    drawWork(c);
    event(c, "INITIATED", t);
    event(c, "CONNECTED_TO_SYSTEM", c.connectedToSystemMs);
    if (!calendar.isOpen(q.name, t)) {
      closedContacts++;
      q.closed++;
      q.totalClosed++;
      c.disconnectMs = c.connectedToSystemMs + 8_000 + r.nextInt(12_000);
      c.disconnectReason = "CONTACT_FLOW_DISCONNECT";
      event(c, "DISCONNECTED", c.disconnectMs);
      ctr(c, c.disconnectMs);
      c.state = Contact.State.DONE;
      outcome(c, GroundTruth.Outcome.CLOSED);
      return;
    }
    if (selfServe) {
      selfServed++;
      long end = c.connectedToSystemMs + botMs;
      runBot(c, BotTurns.Path.SELF_SERVE, null, c.connectedToSystemMs, end);
      c.disconnectMs = end;
      c.disconnectReason = r.nextBoolean() ? "CUSTOMER_DISCONNECT" : "CONTACT_FLOW_DISCONNECT";
      event(c, "DISCONNECTED", end);
      ctr(c, end);
      c.state = Contact.State.DONE;
      outcome(c, GroundTruth.Outcome.SELF_SERVED);
      return;
    }
    long handOver = c.connectedToSystemMs + botMs;
    runBot(c, BotTurns.Path.ESCALATE, q.name, c.connectedToSystemMs, handOver);
    active.put(c.seq, c);
    schedule(handOver, BOT_DONE, c);
  }

  private void attack() {
    attackerCalls++;
    Contact c = newContact();
    SplittableRandom r = c.rng;
    long t = clock;
    c.attacker = true;
    c.channel = "VOICE";
    c.queue = -1;
    c.topic = "balance";
    c.initiationMethod = "INBOUND";
    c.initiationMs = t;
    c.connectedToSystemMs = t + 200 + r.nextInt(800);
    c.customerAddress = String.format("+1555019%04d", r.nextInt(4));
    long end = c.connectedToSystemMs + 20_000 + r.nextInt(25_000);
    event(c, "INITIATED", t);
    event(c, "CONNECTED_TO_SYSTEM", c.connectedToSystemMs);
    runBot(c, BotTurns.Path.PIN_GUESSING, null, c.connectedToSystemMs, end);
    c.disconnectMs = end;
    c.disconnectReason = "CONTACT_FLOW_DISCONNECT";
    event(c, "DISCONNECTED", end);
    ctr(c, end);
    c.state = Contact.State.DONE;
    outcome(c, GroundTruth.Outcome.SELF_SERVED);
  }

  private void drawFlags(Contact c, long t) {
    double negative = shares.negativeCustomer();
    double fraud =
        c.queue == fraudQueue ? shares.fraudSuspectedInFraudQueue() : shares.fraudSuspected();
    for (Window w : sentimentShifts) {
      if (w.covers(t) && (w.queue() == null || w.queue().equals(queues[c.queue].name))) {
        if (w.a() >= 0) {
          negative = w.a();
        }
        if (w.b() >= 0) {
          fraud = w.b();
        }
      }
    }
    c.negativeCustomer = Draw.chance(c.rng, negative);
    c.fraudSuspected = Draw.chance(c.rng, fraud);
  }

  private void drawWork(Contact c) {
    c.handleMs = Draw.logNormalMillis(c.rng, dist.handleSeconds().get(c.channel));
    c.acwMs = Draw.logNormalMillis(c.rng, dist.afterContactWorkSeconds());
  }

  private void runBot(Contact c, BotTurns.Path path, String queue, long from, long to) {
    BotTurns.Session s = bot.run(c.rng, path, c.id, c.channel, c.topic, queue, from, to);
    c.authOutcome = s.authOutcome().name();
    for (FulfillmentEvent f : s.events()) {
      long at = f.eventTime().toEpochMilli();
      long arrival = at + f.latencyMs() + 20 + c.rng.nextInt(400);
      buffer.offer(
          new StreamRecord(
              Instant.ofEpochMilli(arrival),
              Streams.FULFILLMENT,
              c.id,
              ConnectRecords.json(ConnectRecords.FULFILLMENT_WRITER, f)));
    }
  }

  private double backendErrorShare(long ms) {
    double p = shares.backendError();
    for (Window w : backendSpikes) {
      if (w.covers(ms)) {
        p = Math.max(p, w.a());
      }
    }
    return p;
  }

  private void botDone(Contact c) {
    QueueState q = queues[c.queue];
    if (c.isVoice()
        && q.waiting >= scenario.routing().callbackMinWaiting()
        && Draw.chance(c.rng, shares.callback())) {
      callbacks++;
      c.disconnectMs = clock;
      c.disconnectReason = "CONTACT_FLOW_DISCONNECT";
      Contact b = newContact();
      derivedContacts++;
      b.channel = "VOICE";
      b.queue = c.queue;
      b.topic = c.topic;
      b.initiationMethod = "CALLBACK";
      b.initiationMs = clock;
      b.previousId = c.id;
      b.initialId = c.id;
      b.customerAddress = c.customerAddress;
      b.customerName = c.customerName;
      b.negativeCustomer = c.negativeCustomer;
      b.fraudSuspected = c.fraudSuspected;
      b.authOutcome = c.authOutcome;
      b.patienceMs = CALLBACK_EXPIRY_MS; // queued callbacks wait long, but not forever
      drawWork(b);
      c.nextId = b.id;
      event(c, "DISCONNECTED", clock);
      ctr(c, clock);
      c.state = Contact.State.DONE;
      active.remove(c.seq);
      outcome(c, GroundTruth.Outcome.CALLBACK_REQUESTED);
      b.state = Contact.State.PENDING_QUEUE;
      active.put(b.seq, b);
      event(b, "INITIATED", clock);
      schedule(clock + 1000, ENQUEUE, b);
      return;
    }
    enqueue(c);
  }

  private void enqueue(Contact c) {
    QueueState q = queues[c.queue];
    c.enqueueMs = clock;
    c.state = Contact.State.QUEUED;
    q.offered++;
    q.totalOffered++;
    event(c, "QUEUED", clock);
    Agent a = pickAgent(q, c.isVoice());
    if (a != null) {
      answer(c, a);
      return;
    }
    q.deque(c.isVoice()).addLast(c);
    q.waiting++;
    if (c.patienceMs != Long.MAX_VALUE) {
      schedule(clock + c.patienceMs, ABANDON, c);
    }
  }

  private Agent pickAgent(QueueState q, boolean voice) {
    Agent best = null;
    for (int ai : q.agents) {
      Agent a = agents[ai];
      if (!a.canTake(voice)) {
        continue;
      }
      if (best == null
          || a.load() < best.load()
          || (a.load() == best.load() && a.availableSinceMs < best.availableSinceMs)) {
        best = a;
      }
    }
    return best;
  }

  /** Gives an agent with free capacity the oldest contact of its highest-priority queues. */
  private void dispatch(Agent a) {
    while (true) {
      Contact best = null;
      QueueState bestQ = null;
      for (int[] level : a.queuesByPriority) {
        for (int qi : level) {
          QueueState q = queues[qi];
          if (q.waiting == 0) {
            continue;
          }
          for (int ch = 0; ch < 2; ch++) {
            boolean voice = ch == 0;
            if (!a.canTake(voice)) {
              continue;
            }
            Contact h = q.head(voice);
            if (h != null
                && (best == null
                    || h.enqueueMs < best.enqueueMs
                    || (h.enqueueMs == best.enqueueMs && h.seq < best.seq))) {
              best = h;
              bestQ = q;
            }
          }
        }
        if (best != null) {
          break;
        }
      }
      if (best == null) {
        return;
      }
      bestQ.deque(best.isVoice()).pollFirst();
      bestQ.waiting--;
      answer(best, a);
    }
  }

  private void answer(Contact c, Agent a) {
    QueueState q = queues[c.queue];
    c.state = Contact.State.TALKING;
    c.answerMs = clock;
    c.agent = a;
    if (c.isVoice()) {
      a.voice++;
    } else {
      a.chat++;
    }
    a.availableSinceMs = clock;
    q.answered++;
    q.totalAnswered++;
    if (clock - c.enqueueMs <= 30_000) {
      q.within30++;
      q.totalWithin30++;
    }
    event(c, "CONNECTED_TO_AGENT", clock);
    long end = clock + c.handleMs;
    schedule(end, TALK_END, c);
    content(c, a, q, end);
  }

  private void content(Contact c, Agent a, QueueState q, long end) {
    ContactContext ctx =
        new ContactContext(
            tenant,
            c.id,
            c.channel,
            q.name,
            c.topic,
            a.username,
            a.firstName,
            c.customerName,
            Instant.ofEpochMilli(c.answerMs),
            Instant.ofEpochMilli(end),
            c.negativeCustomer,
            c.fraudSuspected,
            Ids.mix(c.seed, 7));
    Conversation conv = generator.generate(ctx, shares.pii());
    for (StreamRecord r : renderer.realtimeSegments(ctx, conv)) {
      buffer.offer(r);
    }
    TranscriptFormat format =
        c.isVoice()
            ? (Draw.chance(c.rng, shares.tca())
                ? TranscriptFormat.TCA
                : TranscriptFormat.CONTACT_LENS_VOICE)
            : TranscriptFormat.CONTACT_LENS_CHAT;
    TranscriptFile file = renderer.postCallFile(ctx, conv, format);
    transcriptFiles++;
    sink.accept(file);
    sink.qaLabels(
        new GroundTruth.QaLabelRow(
            c.id,
            tenant,
            conv.labels(),
            conv.categories(),
            file.relativeKey(),
            format.name(),
            c.negativeCustomer,
            c.fraudSuspected));
    for (PlantedPii p : conv.pii()) {
      sink.piiPlanting(
          new GroundTruth.PiiRow(
              c.id, tenant, file.relativeKey(), p.turnId(), p.type(), p.beginChar(), p.endChar()));
    }
  }

  private void abandon(Contact c) {
    if (c.state != Contact.State.QUEUED) {
      return;
    }
    QueueState q = queues[c.queue];
    c.state = Contact.State.DONE;
    c.abandonMs = clock;
    c.disconnectMs = clock;
    c.disconnectReason = "CUSTOMER_DISCONNECT";
    q.waiting--;
    q.abandoned++;
    q.totalAbandoned++;
    event(c, "DISCONNECTED", clock);
    ctr(c, clock);
    active.remove(c.seq);
    outcome(c, GroundTruth.Outcome.ABANDONED);
  }

  private void talkEnd(Contact c) {
    c.disconnectMs = clock;
    c.state = Contact.State.ACW;
    c.acwEndMs = clock + c.acwMs;
    c.disconnectReason = c.rng.nextDouble() < 0.7 ? "CUSTOMER_DISCONNECT" : "AGENT_DISCONNECT";
    boolean mayTransfer = !"TRANSFER".equals(c.initiationMethod);
    if (mayTransfer && Draw.chance(c.rng, shares.transfer())) {
      int target = transferTarget(c);
      if (target >= 0) {
        transfer(c, target);
      }
    }
    event(c, "DISCONNECTED", clock);
    schedule(c.acwEndMs, ACW_END, c);
  }

  private int transferTarget(Contact c) {
    String from = queues[c.queue].name;
    List<String> names;
    Map<String, List<String>> rules = scenario.routing().transferTargets();
    if (rules != null && rules.containsKey(from)) {
      names = rules.get(from);
    } else {
      names = new ArrayList<>();
      for (QueueState q : queues) {
        names.add(q.name);
      }
    }
    List<Integer> open = new ArrayList<>();
    for (String n : names) {
      Integer qi = queueIndex.get(n);
      if (qi != null && qi != c.queue && calendar.isOpen(n, clock)) {
        open.add(qi);
      }
    }
    return open.isEmpty() ? -1 : open.get(c.rng.nextInt(open.size()));
  }

  private void transfer(Contact c, int target) {
    transfers++;
    derivedContacts++;
    Contact b = newContact();
    QueueState tq = queues[target];
    b.channel = c.channel;
    b.queue = target;
    b.topic = tq.topics.pick(b.rng);
    b.initiationMethod = "TRANSFER";
    b.initiationMs = clock;
    b.previousId = c.id;
    b.initialId = c.initialId != null ? c.initialId : c.id;
    b.customerAddress = c.customerAddress;
    b.customerName = c.customerName;
    b.negativeCustomer = c.negativeCustomer;
    b.fraudSuspected = c.fraudSuspected || (target == fraudQueue && Draw.chance(b.rng, 0.5));
    b.authOutcome = c.authOutcome;
    b.patienceMs = Draw.logNormalMillis(b.rng, dist.patienceSeconds().get(b.channel));
    drawWork(b);
    c.nextId = b.id;
    c.transferCompletedMs = clock;
    c.disconnectReason = "AGENT_DISCONNECT";
    b.state = Contact.State.PENDING_QUEUE;
    active.put(b.seq, b);
    event(b, "INITIATED", clock);
    schedule(clock + 1000, ENQUEUE, b);
  }

  private void acwEnd(Contact c) {
    Agent a = c.agent;
    c.state = Contact.State.DONE;
    if (c.isVoice()) {
      a.voice--;
    } else {
      a.chat--;
    }
    a.availableSinceMs = clock;
    ctr(c, clock);
    active.remove(c.seq);
    outcome(c, GroundTruth.Outcome.ANSWERED);
    dispatch(a);
  }

  private void shift(int group, boolean start) {
    for (Agent a : agents) {
      if (a.group == group) {
        a.onShift = start;
        if (start) {
          a.availableSinceMs = clock;
        }
      }
    }
    if (start) {
      for (Agent a : agents) {
        if (a.group == group && a.loggedIn()) {
          dispatch(a);
        }
      }
    }
  }

  private void dropOff(Object[] ref) {
    Scenario.ScenarioEvent e = (Scenario.ScenarioEvent) ref[0];
    int n = (Integer) ref[1];
    List<Agent> eligible = new ArrayList<>();
    for (Agent a : agents) {
      if (a.loggedIn()
          && (e.routingProfile() == null || e.routingProfile().equals(a.routingProfile))) {
        eligible.add(a);
      }
    }
    // A deterministic random choice, so a drop-off hits every routing profile in proportion.
    SplittableRandom r = new SplittableRandom(Ids.mix(seed, -1000 - clock));
    List<Agent> gone = new ArrayList<>();
    while (gone.size() < n && !eligible.isEmpty()) {
      Agent a = eligible.remove(r.nextInt(eligible.size()));
      a.removed = true;
      gone.add(a);
    }
    long back = e.until() == null ? -1 : at(e.until(), scenario.start().toLocalDate());
    if (back > clock) {
      schedule(back, AGENTS_RETURN, gone.toArray(new Agent[0]));
    }
    sink.scenarioEvent(
        new GroundTruth.ScenarioMarker(
            e.type().name(),
            Times.millis(clock),
            Times.millis(back > clock ? back : clock),
            gone.size()
                + " agents"
                + (e.routingProfile() == null ? "" : " of " + e.routingProfile())
                + " logged off"
                + (back > clock ? " until " + Times.seconds(back) : " for good"),
            gone.size()));
  }

  private void agentsReturn(Agent[] back) {
    for (Agent a : back) {
      a.removed = false;
      a.availableSinceMs = clock;
    }
    for (Agent a : back) {
      if (a.loggedIn()) {
        dispatch(a);
      }
    }
  }

  // ------------------------------------------------------------------ emission

  private void event(Contact c, String type, long atMs) {
    SplittableRandom r = c.rng;
    boolean lost = Draw.chance(r, shares.eventLoss());
    long jitter = Math.round(Draw.logNormal(r, dist.eventJitterMillis()));
    boolean variant = Draw.chance(r, shares.eventCaseVariant());
    if (lost) {
      lostEvents++;
      c.lost(type);
      sink.lostEvent(new GroundTruth.LostEvent(c.id, type, Times.millis(atMs)));
      return;
    }
    String queueArn = c.queue >= 0 ? queues[c.queue].arn : null;
    ContactEvent ev = records.event(c, type, atMs, queueArn, variant);
    buffer.offer(
        new StreamRecord(
            Instant.ofEpochMilli(atMs + Math.max(0, jitter)),
            Streams.CONTACT_EVENTS,
            c.id,
            ConnectRecords.json(ConnectRecords.EVENT_WRITER, ev)));
  }

  /** Emits the CTR of a finished contact (after-contact work, if any, ended at {@code endMs}). */
  private void ctr(Contact c, long endMs) {
    SplittableRandom r = c.rng;
    long lastUpdate = endMs + Draw.logNormalMillis(r, dist.ctrDelaySeconds());
    boolean late = Draw.chance(r, shares.lateCtr());
    boolean duplicate = Draw.chance(r, shares.duplicateCtr());
    boolean lower = Draw.chance(r, shares.channelLowercase());
    String qName = c.queue >= 0 ? queues[c.queue].name : null;
    String qArn = c.queue >= 0 ? queues[c.queue].arn : null;
    long arrival = lastUpdate + 100 + r.nextInt(2_000);
    if (late) {
      lateCtrs++;
      c.lateCtr = true;
      arrival += Draw.logNormalMillis(r, dist.lateCtrDelaySeconds());
    }
    emitCtr(c, qName, qArn, lastUpdate, arrival, lower);
    if (duplicate) {
      duplicateCtrs++;
      long second = lastUpdate + Draw.logNormalMillis(r, dist.duplicateCtrDelaySeconds());
      emitCtr(c, qName, qArn, second, Math.max(arrival, second) + 100 + r.nextInt(2_000), lower);
    }
  }

  private void emitCtr(
      Contact c, String qName, String qArn, long lastUpdate, long arrival, boolean lower) {
    c.ctrEmissions++;
    ContactTraceRecord ctr = records.ctr(c, qName, qArn, lastUpdate, lower);
    buffer.offer(
        new StreamRecord(
            Instant.ofEpochMilli(arrival),
            Streams.CTR,
            c.id,
            ConnectRecords.json(ConnectRecords.CTR_WRITER, ctr)));
  }

  private void outcome(Contact c, GroundTruth.Outcome o) {
    c.outcome = o;
    Double wait = null;
    if (c.enqueueMs >= 0) {
      long until =
          c.answerMs >= 0
              ? c.answerMs
              : c.abandonMs >= 0 ? c.abandonMs : Math.max(clock, lastTickMs);
      wait = (until - c.enqueueMs) / 1000.0;
    }
    sink.contactOutcome(
        new GroundTruth.ContactOutcome(
            tenant,
            c.id,
            c.initialId,
            c.previousId,
            c.nextId,
            c.queue >= 0 ? queues[c.queue].name : null,
            c.channel,
            c.initiationMethod,
            c.attacker ? "pin-guessing" : c.topic,
            o,
            Times.millis(c.initiationMs),
            c.enqueueMs >= 0 ? Times.millis(c.enqueueMs) : null,
            c.answerMs >= 0 ? Times.millis(c.answerMs) : null,
            c.abandonMs >= 0 ? Times.millis(c.abandonMs) : null,
            c.disconnectMs >= 0 ? Times.millis(c.disconnectMs) : null,
            wait,
            c.agent == null ? null : c.agent.username,
            c.negativeCustomer,
            c.fraudSuspected,
            c.ctrEmissions,
            c.lateCtr,
            c.lostEvents == null ? List.of() : List.copyOf(c.lostEvents)));
  }

  // ------------------------------------------------------------------ summary

  SimulationSummary summary(Map<String, Long> recordCounts) {
    Map<String, SimulationSummary.QueueTotals> totals = new LinkedHashMap<>();
    for (QueueState q : queues) {
      totals.put(
          q.name,
          new SimulationSummary.QueueTotals(
              q.totalOffered,
              q.totalAnswered,
              q.totalAbandoned,
              q.waiting,
              q.totalClosed,
              q.totalWithin30));
    }
    return new SimulationSummary(
        scenario.name(),
        seed,
        tenant,
        Times.seconds(startMs),
        Times.seconds(Math.max(clock, lastTickMs)),
        customerContacts,
        derivedContacts,
        attackerCalls,
        selfServed,
        closedContacts,
        callbacks,
        transfers,
        totals,
        recordCounts,
        transcriptFiles,
        lostEvents,
        duplicateCtrs,
        lateCtrs,
        buffer.clamped(),
        buffer.highWater(),
        agents.length);
  }
}
