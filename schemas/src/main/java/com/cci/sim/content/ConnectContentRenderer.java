package com.cci.sim.content;

import com.cci.kinesis.StreamRecord;
import com.cci.kinesis.Streams;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a {@link Conversation} the way Amazon Connect and Amazon Transcribe would publish it:
 *
 * <ul>
 *   <li>Contact Lens real-time segment events on the {@link Streams#CONTACT_LENS} stream — voice
 *       Version 1.0.0 ({@code EventType} STARTED, one SEGMENTS event per turn with Utterance
 *       partials, the Transcript and any matched Categories, a PostContactSummary, COMPLETED) and
 *       chat Version 2.0.0 ({@code StreamingEventType}, Transcript with {@code Time.AbsoluteTime},
 *       Categories with TranscriptItems, Issues, Event, PostContactSummary);
 *   <li>post-call files: Contact Lens voice (Version 1.1.0), Contact Lens chat (Version
 *       CHAT-2022-11-30) and Transcribe Call Analytics output.
 * </ul>
 *
 * Shapes follow the AWS documentation examples (Connect admin guide "Example Contact Lens output
 * files for a call/chat", "Sample conversational analytics segment streams"; Transcribe developer
 * guide "Post-call analytics output"). Category points of interest are the turns containing the
 * category's {@link BehaviourMarkers#categoryTriggers(String) trigger phrases}, as a keyword rule
 * in Contact Lens would find them. Output is compact one-line JSON written with a Jackson
 * generator. Thread-safe; deterministic in the contact's seed.
 */
public final class ConnectContentRenderer implements ContentRenderer {
  /** Account id used locally (kinesis-mock's account). */
  public static final String ACCOUNT_ID = "000000000000";

  public static final String LANGUAGE_CODE = "en-US";
  static final String RECORDINGS_BUCKET = "cci-connect-recordings";
  static final String CHAT_LEFT = "application/vnd.amazonaws.connect.event.participant.left";
  static final String CHAT_JOINED = "application/vnd.amazonaws.connect.event.participant.joined";
  static final String CHAT_ENDED = "application/vnd.amazonaws.connect.event.chat.ended";

  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY_PATH =
      DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter RECORDING_TS =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm").withZone(ZoneOffset.UTC);

  private final ConcurrentHashMap<String, String> instanceIds = new ConcurrentHashMap<>();

  private final boolean utterances;

  /** A renderer whose voice SEGMENTS events carry Utterance partials, as Contact Lens sends. */
  public ConnectContentRenderer() {
    this(true);
  }

  /**
   * @param utterancePartials whether voice SEGMENTS events carry Utterance partials before each
   *     Transcript (Contact Lens does; they repeat the text and roughly double the stream's size,
   *     so a large simulation may leave them out)
   */
  public ConnectContentRenderer(boolean utterancePartials) {
    this.utterances = utterancePartials;
  }

  /** The Connect instance id the simulator uses for a tenant (a name-based UUID). */
  public String instanceId(String tenantId) {
    return instanceIds.computeIfAbsent(tenantId, ConnectContentRenderer::instanceIdOf);
  }

  /**
   * The simulated tenant's Connect instance id: one derivation shared by the records (CTRs, contact
   * events) and the content (segments, post-call files), so they name the same instance.
   */
  public static String instanceIdOf(String tenantId) {
    return UUID.nameUUIDFromBytes(("cci-instance:" + tenantId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** A chat participant's id for a contact and role (a name-based UUID). */
  static String chatParticipantId(String contactId, String role) {
    return UUID.nameUUIDFromBytes((contactId + ":" + role).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  // --------------------------------------------------------------------------------------------
  // real-time segments

  @Override
  public List<StreamRecord> realtimeSegments(ContactContext ctx, Conversation conversation) {
    check(ctx, conversation);
    Analysis a = new Analysis(ctx, conversation);
    return isChat(ctx) ? chatSegments(a) : voiceSegments(a);
  }

  private List<StreamRecord> voiceSegments(Analysis a) {
    ContactContext ctx = a.ctx;
    SplittableRandom rnd = new SplittableRandom(ctx.seed() ^ 0x2545F4914F6CDD1DL);
    List<Turn> turns = a.turns;
    List<StreamRecord> out = new ArrayList<>(turns.size() + 3);
    String prefix = voicePrefix(ctx, instanceId(ctx.tenantId()));
    Instant t0 = ctx.connectedToAgent();
    Instant arrival = t0.plusMillis(200 + rnd.nextInt(600));
    out.add(record(ctx, arrival, voiceEnvelope(prefix, "STARTED", null)));
    for (int i = 0; i < turns.size(); i++) {
      Turn turn = turns.get(i);
      int idx = i;
      String json =
          voiceEnvelope(
              prefix,
              "SEGMENTS",
              g -> {
                if (utterances) {
                  writeUtterances(g, turn, rnd);
                }
                g.writeStartObject();
                g.writeObjectFieldStart("Transcript");
                g.writeStringField("Id", turn.turnId());
                g.writeStringField("ParticipantId", turn.participant());
                g.writeStringField("ParticipantRole", turn.participant());
                g.writeStringField("Content", turn.text());
                g.writeNumberField("BeginOffsetMillis", turn.beginOffsetMillis());
                g.writeNumberField("EndOffsetMillis", turn.endOffsetMillis());
                g.writeStringField("Sentiment", turn.sentiment());
                if (idx == a.issueTurn) {
                  g.writeArrayFieldStart("IssuesDetected");
                  g.writeStartObject();
                  writeClOffsets(g, 0, a.issueEnd);
                  g.writeEndObject();
                  g.writeEndArray();
                }
                g.writeEndObject();
                g.writeEndObject();
                List<String> cats = a.categoriesAt(idx);
                if (!cats.isEmpty()) {
                  g.writeStartObject();
                  g.writeObjectFieldStart("Categories");
                  g.writeArrayFieldStart("MatchedCategories");
                  for (String c : cats) {
                    g.writeString(c);
                  }
                  g.writeEndArray();
                  g.writeObjectFieldStart("MatchedDetails");
                  for (String c : cats) {
                    g.writeObjectFieldStart(c);
                    g.writeArrayFieldStart("PointsOfInterest");
                    writeMillisPoi(g, turn);
                    g.writeEndArray();
                    g.writeEndObject();
                  }
                  g.writeEndObject();
                  g.writeEndObject();
                  g.writeEndObject();
                }
              });
      arrival = later(arrival, t0.plusMillis(turn.endOffsetMillis() + 300 + rnd.nextInt(1200)));
      out.add(record(ctx, arrival, json));
    }
    String summary =
        voiceEnvelope(
            prefix,
            "SEGMENTS",
            g -> {
              g.writeStartObject();
              g.writeObjectFieldStart("PostContactSummary");
              g.writeStringField("Content", a.conversation.summary());
              g.writeStringField("Status", "COMPLETED");
              g.writeEndObject();
              g.writeEndObject();
            });
    arrival = later(arrival, ctx.disconnected().plusMillis(3000 + rnd.nextInt(7000)));
    out.add(record(ctx, arrival, summary));
    arrival = arrival.plusMillis(100 + rnd.nextInt(400));
    out.add(record(ctx, arrival, voiceEnvelope(prefix, "COMPLETED", null)));
    return out;
  }

  private static void writeUtterances(JsonGenerator g, Turn turn, SplittableRandom rnd)
      throws IOException {
    String text = turn.text();
    int cut = text.indexOf(". ");
    long b = turn.beginOffsetMillis();
    long e = turn.endOffsetMillis();
    if (cut > 0 && cut + 2 < text.length()) {
      long mid = b + (e - b) * (cut + 1) / text.length();
      writeUtterance(g, turn, text.substring(0, cut + 1), b, mid, rnd);
      writeUtterance(g, turn, text.substring(cut + 2), mid, e, rnd);
    } else {
      writeUtterance(g, turn, text, b, e, rnd);
    }
  }

  private static void writeUtterance(
      JsonGenerator g, Turn turn, String partial, long b, long e, SplittableRandom rnd)
      throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("Utterance");
    g.writeStringField("Id", uuid(rnd));
    g.writeStringField("TranscriptId", turn.turnId());
    g.writeStringField("ParticipantId", turn.participant());
    g.writeStringField("ParticipantRole", turn.participant());
    g.writeStringField("PartialContent", partial);
    g.writeNumberField("BeginOffsetMillis", b);
    g.writeNumberField("EndOffsetMillis", e);
    g.writeEndObject();
    g.writeEndObject();
  }

  /**
   * A voice event: the envelope up to {@code "EventType"} is the same for every event of a contact,
   * so it is rendered once per contact ({@code prefix}) and only the segments are generated.
   */
  private static String voiceEnvelope(String prefix, String eventType, Body segments) {
    StringWriter w = new StringWriter(segments == null ? prefix.length() + 32 : 1024);
    w.write(prefix);
    w.write(eventType);
    w.write('"');
    return closeWithSegments(w, segments);
  }

  /** Appends {@code ,"Segments":[...]} (when there are segments) and the closing brace. */
  private static String closeWithSegments(StringWriter w, Body segments) {
    if (segments != null) {
      w.write(",\"Segments\":");
      try (JsonGenerator g = JSON.createGenerator(w)) {
        g.writeStartArray();
        segments.write(g);
        g.writeEndArray();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot render JSON", e);
      }
    }
    w.write('}');
    return w.toString();
  }

  /** {@code {"Version":"1.0.0",...,"LanguageCode":"en-US","EventType":"} for a contact. */
  private static String voicePrefix(ContactContext ctx, String instance) {
    String head =
        write(
            g -> {
              g.writeStartObject();
              g.writeStringField("Version", "1.0.0");
              g.writeStringField("Channel", "VOICE");
              g.writeStringField("AccountId", ACCOUNT_ID);
              g.writeStringField("InstanceId", instance);
              g.writeStringField("ContactId", ctx.contactId());
              g.writeStringField("LanguageCode", LANGUAGE_CODE);
              g.writeEndObject();
            });
    return head.substring(0, head.length() - 1) + ",\"EventType\":\"";
  }

  private List<StreamRecord> chatSegments(Analysis a) {
    ContactContext ctx = a.ctx;
    SplittableRandom rnd = new SplittableRandom(ctx.seed() ^ 0x2545F4914F6CDD1DL);
    List<Turn> turns = a.turns;
    List<StreamRecord> out = new ArrayList<>(turns.size() + 3);
    String prefix = chatPrefix(ctx, instanceId(ctx.tenantId()));
    Instant t0 = ctx.connectedToAgent();
    Instant arrival = t0.plusMillis(200 + rnd.nextInt(600));
    out.add(record(ctx, arrival, chatEnvelope(prefix, "STARTED", null)));
    for (int i = 0; i < turns.size(); i++) {
      Turn turn = turns.get(i);
      int idx = i;
      String json =
          chatEnvelope(
              prefix,
              "SEGMENTS",
              g -> {
                g.writeStartObject();
                g.writeObjectFieldStart("Transcript");
                g.writeStringField("Id", turn.turnId());
                g.writeStringField("ParticipantId", a.participantId(turn.participant()));
                g.writeStringField("ParticipantRole", turn.participant());
                g.writeStringField("DisplayName", a.displayName(turn.participant()));
                g.writeStringField("Content", turn.text());
                g.writeStringField("ContentType", "text/plain");
                g.writeObjectFieldStart("Time");
                g.writeStringField("AbsoluteTime", MILLIS.format(a.sentAt(turn)));
                g.writeEndObject();
                g.writeStringField("Sentiment", turn.sentiment());
                g.writeEndObject();
                g.writeEndObject();
                List<String> cats = a.categoriesAt(idx);
                if (!cats.isEmpty()) {
                  g.writeStartObject();
                  g.writeObjectFieldStart("Categories");
                  g.writeObjectFieldStart("MatchedDetails");
                  for (String c : cats) {
                    g.writeObjectFieldStart(c);
                    g.writeArrayFieldStart("PointsOfInterest");
                    writeItemPoi(g, turn);
                    g.writeEndArray();
                    g.writeEndObject();
                  }
                  g.writeEndObject();
                  g.writeEndObject();
                  g.writeEndObject();
                }
                if (idx == a.issueTurn) {
                  g.writeStartObject();
                  g.writeObjectFieldStart("Issues");
                  g.writeArrayFieldStart("IssuesDetected");
                  g.writeStartObject();
                  g.writeArrayFieldStart("TranscriptItems");
                  g.writeStartObject();
                  g.writeStringField("Content", turn.text().substring(0, a.issueEnd));
                  g.writeStringField("Id", turn.turnId());
                  writeClOffsets(g, 0, a.issueEnd);
                  g.writeEndObject();
                  g.writeEndArray();
                  g.writeEndObject();
                  g.writeEndArray();
                  g.writeEndObject();
                  g.writeEndObject();
                }
              });
      arrival = later(arrival, a.sentAt(turn).plusMillis(200 + rnd.nextInt(800)));
      out.add(record(ctx, arrival, json));
    }
    String last =
        chatEnvelope(
            prefix,
            "SEGMENTS",
            g -> {
              g.writeStartObject();
              g.writeObjectFieldStart("Event");
              g.writeStringField("Id", uuid(rnd));
              g.writeStringField("ParticipantId", a.participantId("CUSTOMER"));
              g.writeStringField("ParticipantRole", "CUSTOMER");
              g.writeStringField("DisplayName", a.displayName("CUSTOMER"));
              g.writeStringField("EventType", CHAT_LEFT);
              g.writeObjectFieldStart("Time");
              g.writeStringField("AbsoluteTime", MILLIS.format(ctx.disconnected()));
              g.writeEndObject();
              g.writeEndObject();
              g.writeEndObject();
              g.writeStartObject();
              g.writeObjectFieldStart("PostContactSummary");
              g.writeStringField("Content", a.conversation.summary());
              g.writeStringField("Status", "COMPLETED");
              g.writeEndObject();
              g.writeEndObject();
            });
    arrival = later(arrival, ctx.disconnected().plusMillis(2000 + rnd.nextInt(6000)));
    out.add(record(ctx, arrival, last));
    arrival = arrival.plusMillis(100 + rnd.nextInt(400));
    out.add(record(ctx, arrival, chatEnvelope(prefix, "COMPLETED", null)));
    return out;
  }

  /** A chat event; {@code prefix} is the per-contact envelope head from {@link #chatPrefix}. */
  private static String chatEnvelope(String prefix, String eventType, Body segments) {
    StringWriter w = new StringWriter(segments == null ? prefix.length() + 128 : 1024);
    w.write(prefix);
    if (segments != null) {
      w.write(",\"OutputType\":\"Raw\"");
    }
    w.write(",\"StreamingEventType\":\"");
    w.write(eventType);
    w.write("\",\"StreamingSettings\":{\"LanguageCode\":\"");
    w.write(LANGUAGE_CODE);
    w.write("\",\"Output\":\"Raw\"}");
    return closeWithSegments(w, segments);
  }

  /** {@code {"Version":"2.0.0",...,"ContactId":"<id>"} without the closing brace. */
  private static String chatPrefix(ContactContext ctx, String instance) {
    String head =
        write(
            g -> {
              g.writeStartObject();
              g.writeStringField("Version", "2.0.0");
              g.writeStringField("Channel", "CHAT");
              g.writeStringField("AccountId", ACCOUNT_ID);
              g.writeStringField("InstanceId", instance);
              g.writeStringField("ContactId", ctx.contactId());
              g.writeEndObject();
            });
    return head.substring(0, head.length() - 1);
  }

  private static StreamRecord record(ContactContext ctx, Instant arrival, String json) {
    return new StreamRecord(arrival, Streams.CONTACT_LENS, ctx.contactId(), json);
  }

  private static Instant later(Instant previous, Instant candidate) {
    return candidate.isAfter(previous) ? candidate : previous.plusMillis(1);
  }

  // --------------------------------------------------------------------------------------------
  // post-call files

  @Override
  public TranscriptFile postCallFile(
      ContactContext ctx, Conversation conversation, TranscriptFormat format) {
    check(ctx, conversation);
    Objects.requireNonNull(format, "format");
    Analysis a = new Analysis(ctx, conversation);
    switch (format) {
      case CONTACT_LENS_VOICE:
        return new TranscriptFile(analysisKey(ctx, "Voice"), contactLensVoice(a));
      case CONTACT_LENS_CHAT:
        return new TranscriptFile(analysisKey(ctx, "Chat"), contactLensChat(a));
      case TCA:
        return new TranscriptFile(
            ctx.tenantId()
                + "/tca/"
                + DAY_PATH.format(ctx.disconnected())
                + "/"
                + ctx.contactId()
                + ".json",
            tca(a));
      default:
        throw new IllegalArgumentException("unsupported transcript format " + format);
    }
  }

  /**
   * Contact Lens' post-call output key: {@code <tenant>/Analysis/<Voice|Chat>/yyyy/MM/dd/
   * <contactId>_analysis_<disconnect time>.json}.
   */
  private static String analysisKey(ContactContext ctx, String channelFolder) {
    return ctx.tenantId()
        + "/Analysis/"
        + channelFolder
        + "/"
        + DAY_PATH.format(ctx.disconnected())
        + "/"
        + ctx.contactId()
        + "_analysis_"
        + SECONDS.format(ctx.disconnected())
        + ".json";
  }

  private String contactLensVoice(Analysis a) {
    ContactContext ctx = a.ctx;
    SplittableRandom rnd = new SplittableRandom(ctx.seed() ^ 0x1B873593L);
    return write(
        g -> {
          g.writeStartObject();
          g.writeStringField("Version", "1.1.0");
          g.writeStringField("AccountId", ACCOUNT_ID);
          g.writeStringField("Channel", "VOICE");
          g.writeObjectFieldStart("ContentMetadata");
          g.writeStringField("Output", "Raw");
          g.writeEndObject();
          g.writeStringField("JobStatus", "COMPLETED");
          g.writeStringField("LanguageCode", LANGUAGE_CODE);
          g.writeArrayFieldStart("Participants");
          for (String role : new String[] {"CUSTOMER", "AGENT"}) {
            g.writeStartObject();
            g.writeStringField("ParticipantId", role);
            g.writeStringField("ParticipantRole", role);
            g.writeEndObject();
          }
          g.writeEndArray();
          writeCustomerMetadata(g, a, recordingUri(a));
          writeMillisCategories(g, a);
          g.writeObjectFieldStart("ConversationCharacteristics");
          g.writeObjectFieldStart("ContactSummary");
          g.writeObjectFieldStart("PostContactSummary");
          g.writeStringField("Content", a.conversation.summary());
          g.writeEndObject();
          g.writeEndObject();
          writeVoiceCharacteristics(g, a);
          g.writeEndObject();
          g.writeArrayFieldStart("CustomModels");
          g.writeEndArray();
          g.writeArrayFieldStart("Transcript");
          for (int i = 0; i < a.turns.size(); i++) {
            Turn t = a.turns.get(i);
            g.writeStartObject();
            g.writeNumberField("BeginOffsetMillis", t.beginOffsetMillis());
            g.writeStringField("Content", t.text());
            g.writeNumberField("EndOffsetMillis", t.endOffsetMillis());
            g.writeStringField("Id", t.turnId());
            g.writeStringField("ParticipantId", t.participant());
            g.writeStringField("Sentiment", t.sentiment());
            g.writeFieldName("LoudnessScore");
            writeLoudness(g, t, rnd);
            if (i == a.issueTurn) {
              g.writeArrayFieldStart("IssuesDetected");
              g.writeStartObject();
              writeClOffsets(g, 0, a.issueEnd);
              g.writeStringField("Text", t.text().substring(0, a.issueEnd));
              g.writeEndObject();
              g.writeEndArray();
            }
            writeClDetection(g, "OutcomesDetected", i == a.outcomeTurn, t, a.outcomeSpan);
            writeClDetection(g, "ActionItemsDetected", i == a.actionTurn, t, a.actionSpan);
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  private String tca(Analysis a) {
    ContactContext ctx = a.ctx;
    SplittableRandom rnd = new SplittableRandom(ctx.seed() ^ 0x1B873593L);
    return write(
        g -> {
          g.writeStartObject();
          g.writeStringField("JobName", ctx.contactId());
          g.writeStringField("AccountId", ACCOUNT_ID);
          g.writeStringField("JobStatus", "COMPLETED");
          g.writeStringField("LanguageCode", LANGUAGE_CODE);
          g.writeStringField("Channel", "VOICE");
          g.writeArrayFieldStart("Participants");
          for (String role : new String[] {"AGENT", "CUSTOMER"}) {
            g.writeStartObject();
            g.writeStringField("ParticipantRole", role);
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeArrayFieldStart("Transcript");
          for (int i = 0; i < a.turns.size(); i++) {
            Turn t = a.turns.get(i);
            g.writeStartObject();
            g.writeFieldName("LoudnessScores");
            writeLoudness(g, t, rnd);
            g.writeStringField("Content", t.text());
            g.writeStringField("Id", t.turnId());
            g.writeNumberField("BeginOffsetMillis", t.beginOffsetMillis());
            g.writeNumberField("EndOffsetMillis", t.endOffsetMillis());
            g.writeStringField("Sentiment", t.sentiment());
            g.writeStringField("ParticipantRole", t.participant());
            if (i == a.issueTurn) {
              g.writeArrayFieldStart("IssuesDetected");
              g.writeStartObject();
              g.writeObjectFieldStart("CharacterOffsets");
              g.writeNumberField("Begin", 0);
              g.writeNumberField("End", a.issueEnd);
              g.writeEndObject();
              g.writeEndObject();
              g.writeEndArray();
            }
            writeTcaDetection(g, "OutcomesDetected", i == a.outcomeTurn, a.outcomeSpan);
            writeTcaDetection(g, "ActionItemsDetected", i == a.actionTurn, a.actionSpan);
            g.writeEndObject();
          }
          g.writeEndArray();
          writeMillisCategories(g, a);
          g.writeObjectFieldStart("ConversationCharacteristics");
          writeVoiceCharacteristics(g, a);
          g.writeEndObject();
          g.writeObjectFieldStart("ContactSummary");
          g.writeObjectFieldStart("AutoGenerated");
          g.writeObjectFieldStart("OverallSummary");
          g.writeStringField("Content", a.conversation.summary());
          g.writeEndObject();
          g.writeEndObject();
          g.writeEndObject();
          g.writeEndObject();
        });
  }

  private String contactLensChat(Analysis a) {
    ContactContext ctx = a.ctx;
    SplittableRandom rnd = new SplittableRandom(ctx.seed() ^ 0x1B873593L);
    return write(
        g -> {
          g.writeStartObject();
          g.writeStringField("AccountId", ACCOUNT_ID);
          g.writeObjectFieldStart("Categories");
          g.writeArrayFieldStart("MatchedCategories");
          for (String c : a.conversation.categories()) {
            g.writeString(c);
          }
          g.writeEndArray();
          g.writeObjectFieldStart("MatchedDetails");
          for (String c : a.conversation.categories()) {
            g.writeObjectFieldStart(c);
            g.writeArrayFieldStart("PointsOfInterest");
            for (int i : a.poiTurns(c)) {
              writeItemPoi(g, a.turns.get(i));
            }
            g.writeEndArray();
            g.writeEndObject();
          }
          g.writeEndObject();
          g.writeEndObject();
          g.writeStringField("Channel", "CHAT");
          g.writeStringField("ChatTranscriptVersion", "2019-08-26");
          g.writeObjectFieldStart("ContentMetadata");
          g.writeStringField("Output", "Raw");
          g.writeEndObject();
          g.writeObjectFieldStart("ConversationCharacteristics");
          writeChatCharacteristics(g, a);
          g.writeEndObject();
          writeCustomerMetadata(
              g,
              a,
              "s3://"
                  + RECORDINGS_BUCKET
                  + "/connect/"
                  + ctx.tenantId()
                  + "/ChatTranscripts/"
                  + DAY_PATH.format(ctx.disconnected())
                  + "/"
                  + ctx.contactId()
                  + "_"
                  + RECORDING_TS.format(ctx.connectedToAgent())
                  + "_UTC.json");
          g.writeStringField("JobStatus", "COMPLETED");
          g.writeStringField("LanguageCode", LANGUAGE_CODE);
          g.writeArrayFieldStart("Participants");
          for (String role : new String[] {"CUSTOMER", "AGENT"}) {
            g.writeStartObject();
            g.writeStringField("DisplayName", a.displayName(role));
            g.writeStringField("ParticipantId", a.participantId(role));
            g.writeStringField("ParticipantRole", role);
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeArrayFieldStart("Transcript");
          writeChatEvent(
              g, a, rnd, "CUSTOMER", CHAT_JOINED, a.ctx.connectedToAgent().minusMillis(4000));
          writeChatEvent(g, a, rnd, "AGENT", CHAT_JOINED, a.ctx.connectedToAgent());
          for (Turn t : a.turns) {
            g.writeStartObject();
            g.writeStringField("AbsoluteTime", MILLIS.format(a.sentAt(t)));
            g.writeStringField("Content", t.text());
            g.writeStringField("ContentType", "text/plain");
            g.writeStringField("DisplayName", a.displayName(t.participant()));
            g.writeStringField("Id", t.turnId());
            g.writeStringField("ParticipantId", a.participantId(t.participant()));
            g.writeStringField("ParticipantRole", t.participant());
            g.writeStringField("Type", "MESSAGE");
            g.writeEndObject();
          }
          Instant end = a.ctx.disconnected();
          writeChatEvent(g, a, rnd, "CUSTOMER", CHAT_LEFT, end.minusMillis(400));
          writeChatEvent(g, a, rnd, null, CHAT_ENDED, end);
          g.writeEndArray();
          g.writeStringField("Version", "CHAT-2022-11-30");
          g.writeEndObject();
        });
  }

  private static void writeChatEvent(
      JsonGenerator g, Analysis a, SplittableRandom rnd, String role, String type, Instant at)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("AbsoluteTime", MILLIS.format(at));
    g.writeStringField("ContentType", type);
    if (role != null) {
      g.writeStringField("DisplayName", a.displayName(role));
    }
    g.writeStringField("Id", uuid(rnd));
    if (role != null) {
      g.writeStringField("ParticipantId", a.participantId(role));
      g.writeStringField("ParticipantRole", role);
    }
    g.writeStringField("Type", "EVENT");
    g.writeEndObject();
  }

  private static void writeChatCharacteristics(JsonGenerator g, Analysis a) throws IOException {
    List<Turn> turns = a.turns;
    g.writeObjectFieldStart("ContactSummary");
    g.writeArrayFieldStart("SummaryItemsDetected");
    g.writeStartObject();
    g.writeArrayFieldStart("ActionItemsDetected");
    writeChatSummaryItem(g, a, a.actionTurn, a.actionSpan);
    g.writeEndArray();
    g.writeArrayFieldStart("IssuesDetected");
    if (a.issueTurn >= 0) {
      g.writeStartObject();
      g.writeArrayFieldStart("TranscriptItems");
      g.writeStartObject();
      writeClOffsets(g, 0, a.issueEnd);
      g.writeStringField("Id", turns.get(a.issueTurn).turnId());
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("OutcomesDetected");
    writeChatSummaryItem(g, a, a.outcomeTurn, a.outcomeSpan);
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
    g.writeObjectFieldStart("PostContactSummary");
    g.writeStringField("Content", a.conversation.summary());
    g.writeEndObject();
    g.writeEndObject();

    // response times: a reply is the first message of one role after a message of the other
    g.writeObjectFieldStart("ResponseTime");
    long greeting = -1;
    for (Turn t : turns) {
      if (t.participant().equals("AGENT")) {
        greeting = t.endOffsetMillis();
        break;
      }
    }
    if (greeting >= 0) {
      g.writeNumberField("AgentGreetingTimeMillis", greeting);
    }
    g.writeObjectFieldStart("DetailsByParticipantRole");
    for (String role : new String[] {"AGENT", "CUSTOMER"}) {
      long sum = 0;
      int count = 0;
      long max = -1;
      String maxId = null;
      for (int i = 1; i < turns.size(); i++) {
        Turn t = turns.get(i);
        Turn prev = turns.get(i - 1);
        if (t.participant().equals(role) && !prev.participant().equals(role)) {
          long rt = Math.max(0, t.endOffsetMillis() - prev.endOffsetMillis());
          sum += rt;
          count++;
          if (rt > max) {
            max = rt;
            maxId = t.turnId();
          }
        }
      }
      if (count > 0) {
        g.writeObjectFieldStart(role);
        g.writeObjectFieldStart("Average");
        g.writeNumberField("ValueMillis", sum / count);
        g.writeEndObject();
        g.writeObjectFieldStart("Maximum");
        g.writeArrayFieldStart("TranscriptItems");
        g.writeStartObject();
        g.writeStringField("Id", maxId);
        g.writeEndObject();
        g.writeEndArray();
        g.writeNumberField("ValueMillis", max);
        g.writeEndObject();
        g.writeEndObject();
      }
    }
    g.writeEndObject();
    g.writeEndObject();

    g.writeObjectFieldStart("Sentiment");
    g.writeArrayFieldStart("DetailsByTranscriptItemGroup");
    double[] progressive = new double[2];
    int[] seen = new int[2];
    for (Turn t : turns) {
      int r = t.participant().equals("AGENT") ? 0 : 1;
      progressive[r] += score(t.sentiment());
      seen[r]++;
      g.writeStartObject();
      g.writeStringField("ParticipantRole", t.participant());
      g.writeNumberField("ProgressiveScore", round2(progressive[r] / seen[r]));
      g.writeStringField("Sentiment", t.sentiment());
      g.writeArrayFieldStart("TranscriptItems");
      g.writeStartObject();
      g.writeStringField("Id", t.turnId());
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("OverallSentiment");
    g.writeObjectFieldStart("DetailsByInteraction");
    g.writeObjectFieldStart("DetailsByParticipantRole");
    g.writeObjectFieldStart("CUSTOMER");
    g.writeNumberField("WithAgent", a.overall("CUSTOMER"));
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
    g.writeObjectFieldStart("DetailsByParticipantRole");
    g.writeNumberField("AGENT", a.overall("AGENT"));
    g.writeNumberField("CUSTOMER", a.overall("CUSTOMER"));
    g.writeEndObject();
    g.writeEndObject();
    g.writeObjectFieldStart("SentimentShift");
    g.writeObjectFieldStart("DetailsByParticipantRole");
    for (String role : new String[] {"AGENT", "CUSTOMER"}) {
      double[] q = a.quarters(role);
      g.writeObjectFieldStart(role);
      g.writeNumberField("BeginScore", q[0]);
      g.writeNumberField("EndScore", q[3]);
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeChatSummaryItem(JsonGenerator g, Analysis a, int turn, int[] span)
      throws IOException {
    if (turn < 0) {
      return;
    }
    g.writeStartObject();
    g.writeArrayFieldStart("TranscriptItems");
    g.writeStartObject();
    writeClOffsets(g, span[0], span[1]);
    g.writeStringField("Id", a.turns.get(turn).turnId());
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeClDetection(
      JsonGenerator g, String field, boolean here, Turn t, int[] span) throws IOException {
    if (!here) {
      return;
    }
    g.writeArrayFieldStart(field);
    g.writeStartObject();
    writeClOffsets(g, span[0], span[1]);
    g.writeStringField("Text", t.text().substring(span[0], span[1]));
    g.writeEndObject();
    g.writeEndArray();
  }

  private static void writeTcaDetection(JsonGenerator g, String field, boolean here, int[] span)
      throws IOException {
    if (!here) {
      return;
    }
    g.writeArrayFieldStart(field);
    g.writeStartObject();
    g.writeObjectFieldStart("CharacterOffsets");
    g.writeNumberField("Begin", span[0]);
    g.writeNumberField("End", span[1]);
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
  }

  private static void writeVoiceCharacteristics(JsonGenerator g, Analysis a) throws IOException {
    List<Turn> turns = a.turns;
    g.writeNumberField("TotalConversationDurationMillis", a.totalMillis);
    g.writeObjectFieldStart("Sentiment");
    g.writeObjectFieldStart("OverallSentiment");
    g.writeNumberField("AGENT", a.overall("AGENT"));
    g.writeNumberField("CUSTOMER", a.overall("CUSTOMER"));
    g.writeEndObject();
    g.writeObjectFieldStart("SentimentByPeriod");
    g.writeObjectFieldStart("QUARTER");
    for (String role : new String[] {"AGENT", "CUSTOMER"}) {
      double[] q = a.quarters(role);
      long span = a.lastEnd(role);
      g.writeArrayFieldStart(role);
      for (int i = 0; i < 4; i++) {
        g.writeStartObject();
        g.writeNumberField("BeginOffsetMillis", span * i / 4);
        g.writeNumberField("EndOffsetMillis", span * (i + 1) / 4);
        g.writeNumberField("Score", q[i]);
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
    g.writeObjectFieldStart("Interruptions");
    g.writeObjectFieldStart("InterruptionsByInterrupter");
    g.writeEndObject();
    g.writeNumberField("TotalCount", 0);
    g.writeNumberField("TotalTimeMillis", 0);
    g.writeEndObject();
    g.writeObjectFieldStart("NonTalkTime");
    long silent = 0;
    g.writeArrayFieldStart("Instances");
    long cursor = 0;
    for (Turn t : turns) {
      long gap = t.beginOffsetMillis() - cursor;
      if (gap >= 3000) {
        g.writeStartObject();
        g.writeNumberField("BeginOffsetMillis", cursor);
        g.writeNumberField("DurationMillis", gap);
        g.writeNumberField("EndOffsetMillis", t.beginOffsetMillis());
        g.writeEndObject();
        silent += gap;
      }
      cursor = Math.max(cursor, t.endOffsetMillis());
    }
    g.writeEndArray();
    g.writeNumberField("TotalTimeMillis", silent);
    g.writeEndObject();
    g.writeObjectFieldStart("TalkSpeed");
    g.writeObjectFieldStart("DetailsByParticipant");
    for (String role : new String[] {"AGENT", "CUSTOMER"}) {
      long talk = a.talkMillis(role);
      g.writeObjectFieldStart(role);
      g.writeNumberField(
          "AverageWordsPerMinute", talk == 0 ? 0 : Math.round(a.words(role) * 60000.0 / talk));
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();
    g.writeObjectFieldStart("TalkTime");
    g.writeNumberField("TotalTimeMillis", a.talkMillis("AGENT") + a.talkMillis("CUSTOMER"));
    g.writeObjectFieldStart("DetailsByParticipant");
    for (String role : new String[] {"AGENT", "CUSTOMER"}) {
      g.writeObjectFieldStart(role);
      g.writeNumberField("TotalTimeMillis", a.talkMillis(role));
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeMillisCategories(JsonGenerator g, Analysis a) throws IOException {
    g.writeObjectFieldStart("Categories");
    g.writeArrayFieldStart("MatchedCategories");
    for (String c : a.conversation.categories()) {
      g.writeString(c);
    }
    g.writeEndArray();
    g.writeObjectFieldStart("MatchedDetails");
    for (String c : a.conversation.categories()) {
      g.writeObjectFieldStart(c);
      g.writeArrayFieldStart("PointsOfInterest");
      for (int i : a.poiTurns(c)) {
        writeMillisPoi(g, a.turns.get(i));
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeCustomerMetadata(JsonGenerator g, Analysis a, String inputUri)
      throws IOException {
    g.writeObjectFieldStart("CustomerMetadata");
    g.writeStringField("ContactId", a.ctx.contactId());
    g.writeStringField("InputS3Uri", inputUri);
    g.writeStringField("InstanceId", a.instanceId);
    g.writeEndObject();
  }

  private static String recordingUri(Analysis a) {
    ContactContext ctx = a.ctx;
    return "s3://"
        + RECORDINGS_BUCKET
        + "/connect/"
        + ctx.tenantId()
        + "/CallRecordings/"
        + DAY_PATH.format(ctx.connectedToAgent())
        + "/"
        + ctx.contactId()
        + "_"
        + RECORDING_TS.format(ctx.connectedToAgent())
        + "_UTC.wav";
  }

  private static void writeMillisPoi(JsonGenerator g, Turn t) throws IOException {
    g.writeStartObject();
    g.writeNumberField("BeginOffsetMillis", t.beginOffsetMillis());
    g.writeNumberField("EndOffsetMillis", t.endOffsetMillis());
    g.writeEndObject();
  }

  private static void writeItemPoi(JsonGenerator g, Turn t) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("TranscriptItems");
    g.writeStartObject();
    writeClOffsets(g, 0, t.text().length());
    g.writeStringField("Id", t.turnId());
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeClOffsets(JsonGenerator g, int begin, int end) throws IOException {
    g.writeObjectFieldStart("CharacterOffsets");
    g.writeNumberField("BeginOffsetChar", begin);
    g.writeNumberField("EndOffsetChar", end);
    g.writeEndObject();
  }

  /** Loudness per second of speech, as Contact Lens and Transcribe report it. */
  private static void writeLoudness(JsonGenerator g, Turn t, SplittableRandom rnd)
      throws IOException {
    long ms = Math.max(0, t.endOffsetMillis() - t.beginOffsetMillis());
    int n = (int) Math.min(40, Math.max(1, (ms + 999) / 1000));
    double base = t.participant().equals("AGENT") ? 74 : "NEGATIVE".equals(t.sentiment()) ? 82 : 72;
    g.writeStartArray();
    for (int i = 0; i < n; i++) {
      g.writeNumber(round2(base + (rnd.nextDouble() - 0.5) * 14));
    }
    g.writeEndArray();
  }

  // --------------------------------------------------------------------------------------------
  // helpers

  private static boolean isChat(ContactContext ctx) {
    return "CHAT".equalsIgnoreCase(ctx.channel());
  }

  private static void check(ContactContext ctx, Conversation conversation) {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(ctx.contactId(), "ctx.contactId");
    Objects.requireNonNull(ctx.tenantId(), "ctx.tenantId");
    Objects.requireNonNull(ctx.connectedToAgent(), "ctx.connectedToAgent");
    Objects.requireNonNull(ctx.disconnected(), "ctx.disconnected");
  }

  static double score(String sentiment) {
    switch (sentiment) {
      case "POSITIVE":
        return 5;
      case "NEGATIVE":
        return -5;
      default:
        return 0;
    }
  }

  static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static String uuid(SplittableRandom rnd) {
    long msb = (rnd.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
    long lsb = (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  @FunctionalInterface
  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String write(Body body) {
    StringWriter w = new StringWriter(2048);
    try (JsonGenerator g = JSON.createGenerator(w)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render JSON", e);
    }
    return w.toString();
  }

  /** Per-render facts derived once from the conversation. */
  private final class Analysis {
    final ContactContext ctx;
    final Conversation conversation;
    final List<Turn> turns;
    final String instanceId;
    final long totalMillis;

    /** Index of the customer's opening request (IssuesDetected), or -1. */
    final int issueTurn;

    /** End char of the issue: the first sentence of that turn. */
    final int issueEnd;

    /** The agent turn stating the outcome (resolved calls), its sentence, or -1. */
    final int outcomeTurn;

    final int[] outcomeSpan;

    /** The agent turn promising follow-up (escalated calls), its sentence, or -1. */
    final int actionTurn;

    final int[] actionSpan;

    private List<List<String>> categoriesByTurn;
    private String agentPid;
    private String customerPid;

    Analysis(ContactContext ctx, Conversation conversation) {
      this.ctx = ctx;
      this.conversation = conversation;
      this.turns = conversation.turns();
      this.instanceId = instanceId(ctx.tenantId());
      long max = 0;
      int issue = -1;
      for (int i = 0; i < turns.size(); i++) {
        Turn t = turns.get(i);
        max = Math.max(max, t.endOffsetMillis());
        if (issue < 0 && t.participant().equals("CUSTOMER")) {
          issue = i;
        }
      }
      this.totalMillis = max;
      this.issueTurn = issue;
      if (issue >= 0) {
        String text = turns.get(issue).text();
        int cut = text.indexOf(". ");
        this.issueEnd = cut > 0 ? cut : endTrim(text);
      } else {
        this.issueEnd = 0;
      }
      int[] span = new int[2];
      this.outcomeTurn =
          conversation.labels() != null && conversation.labels().resolution()
              ? findAgentSentence(
                  BehaviourMarkers.phrases(BehaviourMarkers.Behaviour.RESOLUTION), span)
              : -1;
      this.outcomeSpan = span;
      int[] span2 = new int[2];
      this.actionTurn = findAgentSentence(List.of("i'll escalate", "i'm going to escalate"), span2);
      this.actionSpan = span2;
    }

    /**
     * The first agent turn (after the customer's request) holding one of {@code phrases}; {@code
     * span} receives the character range of the sentence around it, without its final period.
     */
    private int findAgentSentence(List<String> phrases, int[] span) {
      for (int i = Math.max(0, issueTurn); i < turns.size(); i++) {
        Turn t = turns.get(i);
        if (!t.participant().equals("AGENT")) {
          continue;
        }
        String lower = t.text().toLowerCase(java.util.Locale.ROOT);
        for (String p : phrases) {
          int at = lower.indexOf(p);
          if (at >= 0) {
            int begin = at;
            while (begin > 0 && !sentenceBreak(lower, begin - 1)) {
              begin--;
            }
            int end = at + p.length();
            while (end < lower.length() && !sentenceBreak(lower, end)) {
              end++;
            }
            span[0] = begin;
            span[1] = end;
            return i;
          }
        }
      }
      return -1;
    }

    /** True at the period/question mark of "sentence. Next" or at a trailing one. */
    private boolean sentenceBreak(String s, int i) {
      char c = s.charAt(i);
      if (c == ' ' && i > 0 && ".?!".indexOf(s.charAt(i - 1)) >= 0) {
        return true;
      }
      return ".?!".indexOf(c) >= 0 && (i + 1 == s.length() || s.charAt(i + 1) == ' ');
    }

    private int endTrim(String text) {
      int e = text.length();
      while (e > 0 && ".?! ".indexOf(text.charAt(e - 1)) >= 0) {
        e--;
      }
      return e;
    }

    /** Categories whose trigger phrases occur in turn {@code i}. */
    List<String> categoriesAt(int i) {
      if (categoriesByTurn == null) {
        categoriesByTurn = new ArrayList<>(turns.size());
        List<String> cats = conversation.categories();
        for (Turn t : turns) {
          List<String> here = List.of();
          if (!cats.isEmpty()) {
            String lower = null;
            for (String c : cats) {
              if (!BehaviourMarkers.CATEGORIES.contains(c)) {
                continue; // matched for the whole contact: no point of interest
              }
              if (lower == null) {
                lower = t.text().toLowerCase(java.util.Locale.ROOT);
              }
              for (String trigger : BehaviourMarkers.categoryTriggers(c)) {
                if (lower.contains(trigger)) {
                  if (here.isEmpty()) {
                    here = new ArrayList<>(2);
                  }
                  here.add(c);
                  break;
                }
              }
            }
          }
          categoriesByTurn.add(here);
        }
      }
      return categoriesByTurn.get(i);
    }

    /** Indexes of the turns that are points of interest of a category. */
    List<Integer> poiTurns(String category) {
      List<Integer> out = new ArrayList<>(2);
      for (int i = 0; i < turns.size(); i++) {
        if (categoriesAt(i).contains(category)) {
          out.add(i);
        }
      }
      return out;
    }

    String participantId(String role) {
      if (role.equals("AGENT")) {
        if (agentPid == null) {
          agentPid = chatParticipantId(ctx.contactId(), "AGENT");
        }
        return agentPid;
      }
      if (customerPid == null) {
        customerPid = chatParticipantId(ctx.contactId(), "CUSTOMER");
      }
      return customerPid;
    }

    String displayName(String role) {
      String n = role.equals("AGENT") ? ctx.agentName() : ctx.customerName();
      if (n == null || n.isBlank()) {
        return role.equals("AGENT") ? "Agent" : "Customer";
      }
      if (role.equals("AGENT")) {
        int sp = n.indexOf(' ');
        return sp > 0 ? n.substring(0, sp) : n;
      }
      return n;
    }

    /** When a chat message was sent: the end of its typing. */
    Instant sentAt(Turn t) {
      return ctx.connectedToAgent().plusMillis(t.endOffsetMillis());
    }

    double overall(String role) {
      double sum = 0;
      int n = 0;
      for (Turn t : turns) {
        if (t.participant().equals(role)) {
          sum += score(t.sentiment());
          n++;
        }
      }
      return n == 0 ? 0 : Math.round(sum / n * 10) / 10.0;
    }

    long lastEnd(String role) {
      long e = 0;
      for (Turn t : turns) {
        if (t.participant().equals(role)) {
          e = Math.max(e, t.endOffsetMillis());
        }
      }
      return e;
    }

    /** Mean sentiment score of the role's turns whose midpoint lies in each quarter. */
    double[] quarters(String role) {
      long span = lastEnd(role);
      double[] sum = new double[4];
      int[] n = new int[4];
      for (Turn t : turns) {
        if (t.participant().equals(role)) {
          long mid = (t.beginOffsetMillis() + t.endOffsetMillis()) / 2;
          int q = span == 0 ? 0 : (int) Math.min(3, mid * 4 / span);
          sum[q] += score(t.sentiment());
          n[q]++;
        }
      }
      double[] out = new double[4];
      for (int i = 0; i < 4; i++) {
        out[i] = n[i] == 0 ? 0 : round2(sum[i] / n[i]);
      }
      return out;
    }

    long talkMillis(String role) {
      long s = 0;
      for (Turn t : turns) {
        if (t.participant().equals(role)) {
          s += Math.max(0, t.endOffsetMillis() - t.beginOffsetMillis());
        }
      }
      return s;
    }

    long words(String role) {
      long w = 0;
      for (Turn t : turns) {
        if (t.participant().equals(role)) {
          w += BankingDialogueGenerator.words(t.text());
        }
      }
      return w;
    }
  }
}
