package com.cci.batch.scoring;

import com.cci.schemas.qa.QaForm;
import com.cci.schemas.qa.QaForm.Criterion;
import com.cci.schemas.qa.QaForm.Section;
import com.cci.schemas.transcript.CallTranscript;
import com.cci.schemas.transcript.Role;
import com.cci.schemas.transcript.Sentiment;
import com.cci.schemas.transcript.TranscriptFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small forms and transcripts for scorer tests. */
final class TestForms {
  private TestForms() {}

  /**
   * Section "a" (no weight): c1 10 required; c2 5 optional N/A allowed; c3 15 required auto-fail.
   * Section "b" (weight 20): c4 weight 1 required; c5 weight 3 required N/A allowed. Points: c1 10,
   * c2 5, c3 15, c4 5, c5 15 = 50. Threshold 80.
   */
  static QaForm small() {
    return new QaForm(
            "t1",
            "small",
            3,
            "Small form",
            null,
            "en-US",
            80,
            List.of(
                new Section(
                    "a",
                    "A",
                    null,
                    List.of(
                        new Criterion("c1", "Q1?", null, 10, true, false, false, List.of("hello")),
                        new Criterion("c2", "Q2?", "d2", 5, false, true, false, List.of("next")),
                        new Criterion(
                            "c3", "Q3?", null, 15, true, false, true, List.of("recorded")))),
                new Section(
                    "b",
                    "B",
                    20.0,
                    List.of(
                        new Criterion("c4", "Q4?", null, 1, true, false, false, List.of("sorry")),
                        new Criterion(
                            "c5", "Q5?", null, 3, true, true, false, List.of("verify"))))))
        .requireValid();
  }

  static QaForm demo() {
    return QaForm.fromClasspath(QaForm.DEMO_DEFAULT_RESOURCE);
  }

  /** A voice transcript of alternating agent/customer turns with ids t1, t2, … */
  static CallTranscript transcript(String... agentThenCustomer) {
    List<CallTranscript.Turn> turns = new ArrayList<>();
    for (int i = 0; i < agentThenCustomer.length; i++) {
      turns.add(
          new CallTranscript.Turn(
              "t" + (i + 1),
              i % 2 == 0 ? Role.AGENT : Role.CUSTOMER,
              i * 1000L,
              i * 1000L + 900,
              agentThenCustomer[i],
              Sentiment.NEUTRAL,
              List.of()));
    }
    return new CallTranscript(
        TranscriptFormat.values()[0],
        "c-1",
        null,
        com.cci.schemas.ctr.Channel.VOICE,
        "en-US",
        turns,
        List.of(),
        null,
        Map.of(),
        (long) agentThenCustomer.length * 1000);
  }
}
