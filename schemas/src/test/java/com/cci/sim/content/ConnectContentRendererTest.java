package com.cci.sim.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.kinesis.StreamRecord;
import com.cci.kinesis.Streams;
import com.cci.schemas.Json;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.lens.RealtimeSegmentEvent;
import com.cci.schemas.lens.TranscriptTurn;
import com.cci.schemas.transcript.CallTranscript;
import com.cci.schemas.transcript.TranscriptParser;
import com.cci.schemas.validation.ContractValidator;
import com.cci.schemas.validation.ValidationResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectContentRendererTest {
  private final BankingDialogueGenerator gen = new BankingDialogueGenerator();
  private final ConnectContentRenderer renderer = new ConnectContentRenderer();
  private final ContractValidator validator = ContractValidator.shared();
  private final TranscriptParser parser = new TranscriptParser();

  private static JsonNode tree(String json) throws Exception {
    return Json.mapper().readTree(json);
  }

  @Test
  void everyRenderedEventAndFileValidatesAndParsesBackToTheGeneratedConversation()
      throws Exception {
    int voice = 0;
    int chat = 0;
    for (long seed = 0; seed < 400; seed++) {
      ContactContext ctx = Contexts.random(seed);
      Conversation c = gen.generate(ctx, 0.3);
      boolean isChat = ctx.channel().equals("CHAT");
      if (isChat) {
        chat++;
      } else {
        voice++;
      }

      List<StreamRecord> records = renderer.realtimeSegments(ctx, c);
      List<TranscriptTurn> streamed = new ArrayList<>();
      Set<String> streamedCategories = new LinkedHashSet<>();
      String streamedSummary = null;
      for (int i = 0; i < records.size(); i++) {
        StreamRecord r = records.get(i);
        ValidationResult v =
            validator.validate(SchemaKind.CONTACT_LENS_SEGMENT, r.json(), "seg" + i);
        assertThat(v.valid()).as(v.describe()).isTrue();
        RealtimeSegmentEvent e = RealtimeSegmentEvent.fromJson(r.json());
        assertThat(e.contactId()).isEqualTo(ctx.contactId());
        assertThat(e.language()).isEqualTo("en-US");
        streamed.addAll(e.turns());
        streamedCategories.addAll(e.matchedCategories());
        if (e.postContactSummary() != null) {
          streamedSummary = e.postContactSummary().content();
        }
      }
      assertThat(streamed).hasSameSizeAs(c.turns());
      for (int i = 0; i < streamed.size(); i++) {
        TranscriptTurn s = streamed.get(i);
        Turn t = c.turns().get(i);
        assertThat(s.id()).isEqualTo(t.turnId());
        assertThat(s.role().name()).isEqualTo(t.participant());
        assertThat(s.content()).isEqualTo(t.text());
        assertThat(s.sentiment().name()).isEqualTo(t.sentiment());
        if (isChat) {
          assertThat(s.absoluteTime())
              .isEqualTo(ctx.connectedToAgent().plusMillis(t.endOffsetMillis()));
        } else {
          assertThat(s.beginOffsetMillis()).isEqualTo(t.beginOffsetMillis());
          assertThat(s.endOffsetMillis()).isEqualTo(t.endOffsetMillis());
        }
      }
      assertThat(streamedCategories).containsExactlyInAnyOrderElementsOf(c.categories());
      assertThat(streamedSummary).isEqualTo(c.summary());

      List<TranscriptFormat> formats =
          isChat
              ? List.of(TranscriptFormat.CONTACT_LENS_CHAT)
              : List.of(TranscriptFormat.CONTACT_LENS_VOICE, TranscriptFormat.TCA);
      for (TranscriptFormat f : formats) {
        TranscriptFile file = renderer.postCallFile(ctx, c, f);
        ValidationResult v =
            validator.validate(SchemaKind.POST_CALL_TRANSCRIPT, file.json(), file.relativeKey());
        assertThat(v.valid()).as(v.describe()).isTrue();
        CallTranscript parsed = parser.parse(file.json());
        assertThat(parsed.format().name())
            .isEqualTo(f == TranscriptFormat.TCA ? "TRANSCRIBE_CALL_ANALYTICS" : f.name());
        assertThat(parsed.matchedCategories()).containsExactlyElementsOf(c.categories());
        assertThat(parsed.summary()).isEqualTo(c.summary());
        assertThat(parsed.turns()).hasSameSizeAs(c.turns());
        if (f != TranscriptFormat.TCA) {
          assertThat(parsed.contactId()).isEqualTo(ctx.contactId());
          assertThat(parsed.instanceId()).isEqualTo(renderer.instanceId(ctx.tenantId()));
        } else {
          assertThat(tree(file.json()).get("JobName").asText()).isEqualTo(ctx.contactId());
        }
        for (int i = 0; i < c.turns().size(); i++) {
          Turn t = c.turns().get(i);
          CallTranscript.Turn p = parsed.turns().get(i);
          assertThat(p.id()).isEqualTo(t.turnId());
          assertThat(p.role().name()).isEqualTo(t.participant());
          assertThat(p.text()).isEqualTo(t.text());
          if (!isChat) {
            assertThat(p.beginOffsetMillis()).isEqualTo(t.beginOffsetMillis());
            assertThat(p.endOffsetMillis()).isEqualTo(t.endOffsetMillis());
            assertThat(p.sentiment().name()).isEqualTo(t.sentiment());
            assertThat(p.loudness()).isNotEmpty();
          }
        }
        if (!isChat) {
          assertThat(parsed.totalDurationMillis())
              .isEqualTo(c.turns().get(c.turns().size() - 1).endOffsetMillis());
        }
      }
    }
    assertThat(voice).isGreaterThan(200);
    assertThat(chat).isGreaterThan(50);
  }

  @Test
  void voiceSegmentStreamIsStartedSegmentsCompletedInArrivalOrder() throws Exception {
    ContactContext ctx = Contexts.of("VOICE", "fraud", 420, true, true, 77);
    Conversation c = gen.generate(ctx, 1.0);
    List<StreamRecord> records = renderer.realtimeSegments(ctx, c);
    assertThat(records).hasSize(c.turns().size() + 3);
    Instant prev = Instant.MIN;
    for (int i = 0; i < records.size(); i++) {
      StreamRecord r = records.get(i);
      assertThat(r.stream()).isEqualTo(Streams.CONTACT_LENS);
      assertThat(r.partitionKey()).isEqualTo(ctx.contactId());
      assertThat(r.json()).doesNotContain("\n");
      assertThat(r.arrival()).isAfter(prev);
      prev = r.arrival();
      JsonNode e = tree(r.json());
      assertThat(e.get("Version").asText()).isEqualTo("1.0.0");
      assertThat(e.get("Channel").asText()).isEqualTo("VOICE");
      assertThat(e.get("AccountId").asText()).isEqualTo("000000000000");
      assertThat(e.get("InstanceId").asText()).isEqualTo(renderer.instanceId("demo-tenant"));
      assertThat(e.get("LanguageCode").asText()).isEqualTo("en-US");
      assertThat(e.has("StreamingEventType")).isFalse();
      String type = e.get("EventType").asText();
      if (i == 0) {
        assertThat(type).isEqualTo("STARTED");
        assertThat(e.has("Segments")).isFalse();
      } else if (i == records.size() - 1) {
        assertThat(type).isEqualTo("COMPLETED");
        assertThat(r.arrival()).isAfter(ctx.disconnected());
      } else if (i == records.size() - 2) {
        assertThat(e.at("/Segments/0/PostContactSummary/Status").asText()).isEqualTo("COMPLETED");
      } else {
        assertThat(type).isEqualTo("SEGMENTS");
        Turn t = c.turns().get(i - 1);
        assertThat(r.arrival()).isAfter(ctx.connectedToAgent().plusMillis(t.endOffsetMillis()));
        JsonNode transcript = null;
        StringBuilder partials = new StringBuilder();
        for (JsonNode seg : e.get("Segments")) {
          if (seg.has("Utterance")) {
            JsonNode u = seg.get("Utterance");
            assertThat(transcript).as("utterances precede their transcript").isNull();
            assertThat(u.get("TranscriptId").asText()).isEqualTo(t.turnId());
            assertThat(u.get("BeginOffsetMillis").asLong())
                .isBetween(t.beginOffsetMillis(), t.endOffsetMillis());
            assertThat(u.get("EndOffsetMillis").asLong())
                .isBetween(t.beginOffsetMillis(), t.endOffsetMillis());
            partials
                .append(partials.length() == 0 ? "" : " ")
                .append(u.get("PartialContent").asText());
          } else if (seg.has("Transcript")) {
            transcript = seg.get("Transcript");
          } else if (seg.has("Categories")) {
            JsonNode cat = seg.get("Categories");
            for (JsonNode name : cat.get("MatchedCategories")) {
              JsonNode poi = cat.at("/MatchedDetails/" + name.asText() + "/PointsOfInterest/0");
              assertThat(poi.get("BeginOffsetMillis").asLong()).isEqualTo(t.beginOffsetMillis());
              assertThat(poi.get("EndOffsetMillis").asLong()).isEqualTo(t.endOffsetMillis());
            }
          }
        }
        assertThat(partials.toString()).isEqualTo(t.text());
        assertThat(transcript.get("ParticipantRole").asText()).isEqualTo(t.participant());
        assertThat(transcript.get("ParticipantId").asText()).isEqualTo(t.participant());
      }
    }
  }

  @Test
  void utterancePartialsCanBeLeftOut() throws Exception {
    ContactContext ctx = Contexts.of("VOICE", "balance", 300, false, false, 12);
    Conversation c = gen.generate(ctx, 0);
    List<StreamRecord> with = renderer.realtimeSegments(ctx, c);
    List<StreamRecord> without = new ConnectContentRenderer(false).realtimeSegments(ctx, c);
    assertThat(without).hasSameSizeAs(with);
    long sizeWith = 0;
    long sizeWithout = 0;
    for (int i = 0; i < with.size(); i++) {
      sizeWith += with.get(i).json().length();
      sizeWithout += without.get(i).json().length();
      assertThat(without.get(i).json()).doesNotContain("Utterance");
      assertThat(RealtimeSegmentEvent.fromJson(without.get(i).json()).turns())
          .isEqualTo(RealtimeSegmentEvent.fromJson(with.get(i).json()).turns());
      assertThat(
              validator
                  .validate(SchemaKind.CONTACT_LENS_SEGMENT, without.get(i).json(), "w")
                  .valid())
          .isTrue();
    }
    assertThat(sizeWithout).isLessThan(sizeWith * 3 / 4);
  }

  @Test
  void chatSegmentStreamUsesVersion2StreamingEventTypeAndAbsoluteTimes() throws Exception {
    ContactContext ctx = Contexts.of("CHAT", "fraud", 600, false, true, 5);
    Conversation c = gen.generate(ctx, 0);
    List<StreamRecord> records = renderer.realtimeSegments(ctx, c);
    assertThat(tree(records.get(0).json()).get("StreamingEventType").asText()).isEqualTo("STARTED");
    assertThat(tree(records.get(records.size() - 1).json()).get("StreamingEventType").asText())
        .isEqualTo("COMPLETED");
    boolean fraudPoi = false;
    boolean issues = false;
    for (StreamRecord r : records) {
      JsonNode e = tree(r.json());
      assertThat(e.get("Version").asText()).isEqualTo("2.0.0");
      assertThat(e.get("Channel").asText()).isEqualTo("CHAT");
      assertThat(e.has("EventType")).isFalse();
      assertThat(e.at("/StreamingSettings/LanguageCode").asText()).isEqualTo("en-US");
      for (JsonNode seg : e.path("Segments")) {
        if (seg.has("Transcript")) {
          assertThat(seg.at("/Transcript/ContentType").asText()).isEqualTo("text/plain");
          assertThat(seg.at("/Transcript/Time/AbsoluteTime").asText()).matches(".*T.*\\.[0-9]{3}Z");
          assertThat(seg.at("/Transcript/DisplayName").asText()).isNotBlank();
        }
        JsonNode items =
            seg.at(
                "/Categories/MatchedDetails/FraudSuspected/PointsOfInterest/0/TranscriptItems/0");
        if (!items.isMissingNode()) {
          fraudPoi = true;
          String id = items.get("Id").asText();
          Turn t = c.turns().stream().filter(x -> x.turnId().equals(id)).findFirst().orElseThrow();
          assertThat(items.at("/CharacterOffsets/EndOffsetChar").asInt())
              .isEqualTo(t.text().length());
        }
        issues |= seg.has("Issues");
      }
    }
    assertThat(fraudPoi).isTrue();
    assertThat(issues).isTrue();
  }

  @Test
  void postCallKeysCarryTenantDateAndContactId() {
    ContactContext voice = Contexts.of("VOICE", "balance", 300, false, false, 11);
    Conversation c = gen.generate(voice, 0);
    String id = voice.contactId();
    assertThat(renderer.postCallFile(voice, c, TranscriptFormat.CONTACT_LENS_VOICE).relativeKey())
        .isEqualTo(
            "demo-tenant/Analysis/Voice/2026/11/20/" + id + "_analysis_2026-11-20T09:20:02Z.json");
    assertThat(renderer.postCallFile(voice, c, TranscriptFormat.TCA).relativeKey())
        .isEqualTo("demo-tenant/tca/2026/11/20/" + id + ".json");
    ContactContext chat = Contexts.of("CHAT", "balance", 300, false, false, 11);
    Conversation cc = gen.generate(chat, 0);
    assertThat(renderer.postCallFile(chat, cc, TranscriptFormat.CONTACT_LENS_CHAT).relativeKey())
        .isEqualTo(
            "demo-tenant/Analysis/Chat/2026/11/20/" + id + "_analysis_2026-11-20T09:20:02Z.json");
  }

  @Test
  void contactLensVoiceFileHasTheDocumentedShape() throws Exception {
    ContactContext ctx = Contexts.of("VOICE", "card-lost", 360, true, false, 21);
    Conversation c = gen.generate(ctx, 0);
    JsonNode f = tree(renderer.postCallFile(ctx, c, TranscriptFormat.CONTACT_LENS_VOICE).json());
    assertThat(f.get("Version").asText()).isEqualTo("1.1.0");
    assertThat(f.get("JobStatus").asText()).isEqualTo("COMPLETED");
    assertThat(f.at("/ContentMetadata/Output").asText()).isEqualTo("Raw");
    assertThat(f.at("/CustomerMetadata/InputS3Uri").asText()).startsWith("s3://").endsWith(".wav");
    assertThat(f.at("/Participants/0/ParticipantRole").asText()).isEqualTo("CUSTOMER");
    JsonNode cc = f.get("ConversationCharacteristics");
    for (String field :
        List.of(
            "TotalConversationDurationMillis",
            "Sentiment",
            "Interruptions",
            "NonTalkTime",
            "TalkSpeed",
            "TalkTime",
            "ContactSummary")) {
      assertThat(cc.has(field)).as(field).isTrue();
    }
    assertThat(cc.at("/Sentiment/SentimentByPeriod/QUARTER/CUSTOMER")).hasSize(4);
    assertThat(cc.at("/Sentiment/OverallSentiment/CUSTOMER").asDouble())
        .isLessThan(0); // negative call
    long talk =
        cc.at("/TalkTime/DetailsByParticipant/AGENT/TotalTimeMillis").asLong()
            + cc.at("/TalkTime/DetailsByParticipant/CUSTOMER/TotalTimeMillis").asLong();
    assertThat(cc.at("/TalkTime/TotalTimeMillis").asLong()).isEqualTo(talk);
    assertThat(cc.at("/NonTalkTime/Instances").size()).isGreaterThan(0); // the hold
    assertThat(cc.at("/TalkSpeed/DetailsByParticipant/AGENT/AverageWordsPerMinute").asInt())
        .isBetween(100, 220);
    long prevBegin = -1;
    for (JsonNode t : f.get("Transcript")) {
      assertThat(t.get("BeginOffsetMillis").asLong()).isGreaterThanOrEqualTo(prevBegin);
      prevBegin = t.get("BeginOffsetMillis").asLong();
      assertThat(t.get("ParticipantId").asText()).isIn("AGENT", "CUSTOMER");
      assertThat(t.get("LoudnessScore").size()).isGreaterThan(0);
    }
    JsonNode issue = f.at("/Transcript/1/IssuesDetected/0");
    assertThat(issue.get("Text").asText())
        .isEqualTo(
            c.turns()
                .get(1)
                .text()
                .substring(0, issue.at("/CharacterOffsets/EndOffsetChar").asInt()));
    assertThat(f.at("/Categories/MatchedDetails/Complaint/PointsOfInterest").size())
        .isGreaterThan(0);
  }

  @Test
  void outcomesAndActionItemsMarkTheResolutionOrTheEscalation() throws Exception {
    int resolved = 0;
    int escalated = 0;
    for (long seed = 0; seed < 200; seed++) {
      ContactContext ctx =
          Contexts.of("VOICE", Contexts.TOPICS.get((int) (seed % 14)), 300, false, false, seed);
      Conversation c = gen.generate(ctx, 0);
      JsonNode cl = tree(renderer.postCallFile(ctx, c, TranscriptFormat.CONTACT_LENS_VOICE).json());
      JsonNode tca = tree(renderer.postCallFile(ctx, c, TranscriptFormat.TCA).json());
      int outcomes = 0;
      int actions = 0;
      for (int i = 0; i < c.turns().size(); i++) {
        String text = c.turns().get(i).text();
        for (String field : List.of("OutcomesDetected", "ActionItemsDetected")) {
          JsonNode d = cl.at("/Transcript/" + i + "/" + field + "/0");
          if (d.isMissingNode()) {
            assertThat(tca.at("/Transcript/" + i + "/" + field).isMissingNode()).isTrue();
            continue;
          }
          int b = d.at("/CharacterOffsets/BeginOffsetChar").asInt();
          int e = d.at("/CharacterOffsets/EndOffsetChar").asInt();
          assertThat(d.get("Text").asText()).isEqualTo(text.substring(b, e));
          assertThat(tca.at("/Transcript/" + i + "/" + field + "/0/CharacterOffsets/Begin").asInt())
              .isEqualTo(b);
          assertThat(tca.at("/Transcript/" + i + "/" + field + "/0/CharacterOffsets/End").asInt())
              .isEqualTo(e);
          if (field.equals("OutcomesDetected")) {
            outcomes++;
            assertThat(
                    BehaviourMarkers.findAny(
                        d.get("Text").asText(),
                        BehaviourMarkers.phrases(BehaviourMarkers.Behaviour.RESOLUTION)))
                .isNotNull();
          } else {
            actions++;
            assertThat(d.get("Text").asText()).containsIgnoringCase("escalate");
          }
        }
      }
      assertThat(outcomes).isEqualTo(c.labels().resolution() ? 1 : 0);
      assertThat(actions).isEqualTo(c.labels().resolution() ? 0 : 1);
      resolved += outcomes;
      escalated += actions;
    }
    assertThat(resolved).isGreaterThan(100);
    assertThat(escalated).isGreaterThan(10);
  }

  @Test
  void tcaFileUsesTranscribeFieldNames() throws Exception {
    ContactContext ctx = Contexts.of("VOICE", "transfer", 300, false, false, 8);
    Conversation c = gen.generate(ctx, 0);
    JsonNode f = tree(renderer.postCallFile(ctx, c, TranscriptFormat.TCA).json());
    assertThat(f.has("CustomerMetadata")).isFalse();
    assertThat(f.has("Version")).isFalse();
    assertThat(f.at("/ContactSummary/AutoGenerated/OverallSummary/Content").asText())
        .isEqualTo(c.summary());
    assertThat(f.at("/Participants/0/ParticipantRole").asText()).isEqualTo("AGENT");
    JsonNode first = f.at("/Transcript/0");
    assertThat(first.has("ParticipantId")).isFalse();
    assertThat(first.has("LoudnessScores")).isTrue();
    assertThat(f.at("/Transcript/1/IssuesDetected/0/CharacterOffsets").has("Begin")).isTrue();
  }

  @Test
  void chatFileHasEventsAroundMessagesAndResponseTimes() throws Exception {
    ContactContext ctx = Contexts.of("CHAT", "statement", 500, false, false, 31);
    Conversation c = gen.generate(ctx, 0);
    JsonNode f = tree(renderer.postCallFile(ctx, c, TranscriptFormat.CONTACT_LENS_CHAT).json());
    assertThat(f.get("Version").asText()).isEqualTo("CHAT-2022-11-30");
    JsonNode items = f.get("Transcript");
    assertThat(items).hasSize(c.turns().size() + 4);
    assertThat(items.get(0).get("ContentType").asText())
        .isEqualTo(ConnectContentRenderer.CHAT_JOINED);
    assertThat(items.get(items.size() - 1).get("ContentType").asText())
        .isEqualTo(ConnectContentRenderer.CHAT_ENDED);
    Instant prev = Instant.MIN;
    for (JsonNode item : items) {
      Instant at = Instant.parse(item.get("AbsoluteTime").asText());
      assertThat(at).isAfterOrEqualTo(prev);
      prev = at;
      if (item.get("Type").asText().equals("MESSAGE")) {
        assertThat(item.get("ContentType").asText()).isEqualTo("text/plain");
      }
    }
    assertThat(
            f.at(
                    "/ConversationCharacteristics/ResponseTime/DetailsByParticipantRole/AGENT/Average/ValueMillis")
                .asLong())
        .isPositive();
    assertThat(f.at("/ConversationCharacteristics/Sentiment/DetailsByTranscriptItemGroup"))
        .hasSize(c.turns().size());
    assertThat(f.at("/Participants/1/DisplayName").asText()).isEqualTo("Dana");
  }

  @Test
  void renderingIsDeterministicAndRejectsMissingInput() {
    ContactContext ctx = Contexts.of("VOICE", "dispute", 300, false, false, 3);
    Conversation c = gen.generate(ctx, 0.5);
    assertThat(renderer.realtimeSegments(ctx, c))
        .isEqualTo(new ConnectContentRenderer().realtimeSegments(ctx, c));
    assertThat(renderer.postCallFile(ctx, c, TranscriptFormat.TCA))
        .isEqualTo(new ConnectContentRenderer().postCallFile(ctx, c, TranscriptFormat.TCA));
    assertThatThrownBy(() -> renderer.postCallFile(ctx, c, null)).hasMessageContaining("format");
    assertThatThrownBy(() -> renderer.realtimeSegments(ctx, null))
        .hasMessageContaining("conversation");
  }
}
