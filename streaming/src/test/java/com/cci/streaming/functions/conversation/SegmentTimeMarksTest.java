package com.cci.streaming.functions.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.streaming.parse.SegmentParser;
import com.cci.streaming.records.SegmentRecord;
import org.junit.jupiter.api.Test;

class SegmentTimeMarksTest {
  static SegmentRecord segments(String[] roles, String[] sentiments, long[] ends, String... cats) {
    SegmentRecord r = new SegmentRecord();
    r.contactId = "c1";
    r.channel = "VOICE";
    r.eventType = "SEGMENTS";
    r.eventTimeMs = SegmentParser.UNTIMED;
    r.turnIds = new String[roles.length];
    for (int i = 0; i < roles.length; i++) {
      r.turnIds[i] = "t" + i;
    }
    r.roles = roles;
    r.sentiments = sentiments;
    r.endOffsetsMs = ends;
    r.matchedCategories = cats;
    return r;
  }

  final SegmentTimeMarks marks = new SegmentTimeMarks();

  @Test
  void agentOnlySegmentsBecomeTimeMarksWithTheirLargestOffset() {
    SegmentRecord r =
        segments(
            new String[] {"AGENT", "AGENT"},
            new String[] {"POSITIVE", "NEUTRAL"},
            new long[] {9_000, 4_000});
    SegmentRecord m = marks.map(r);
    assertThat(m.timeOnly).isTrue();
    assertThat(m.contactId).isEqualTo("c1");
    assertThat(m.eventType).isEqualTo("SEGMENTS");
    assertThat(m.eventTimeMs).isEqualTo(SegmentParser.UNTIMED);
    assertThat(m.turnCount()).isZero();
    assertThat(m.endOffsetsMs).containsExactly(9_000);
    assertThat(m.matchedCategories).isEmpty();
  }

  @Test
  void aCustomerTurnWithSentimentOrACategoryKeepsTheWholeRecord() {
    SegmentRecord customer =
        segments(
            new String[] {"AGENT", "CUSTOMER"},
            new String[] {"POSITIVE", "NEGATIVE"},
            new long[] {1_000, 2_000});
    assertThat(marks.map(customer)).isSameAs(customer);
    SegmentRecord category =
        segments(new String[] {"AGENT"}, new String[] {"NEUTRAL"}, new long[] {1_000}, "Fraud");
    assertThat(marks.map(category)).isSameAs(category);
  }

  @Test
  void aCustomerTurnWithoutSentimentIsNotReadByTheRules() {
    SegmentRecord r = segments(new String[] {"CUSTOMER"}, new String[] {null}, new long[] {-1});
    SegmentRecord m = marks.map(r);
    assertThat(m.timeOnly).isTrue();
    assertThat(m.endOffsetsMs).isEmpty(); // no offset known
  }

  @Test
  void lifecycleRecordsAlwaysPassWhole() {
    for (String type : new String[] {"STARTED", "COMPLETED", "FAILED"}) {
      SegmentRecord r = segments(new String[0], new String[0], new long[0]);
      r.eventType = type;
      assertThat(marks.map(r)).as(type).isSameAs(r);
    }
  }

  @Test
  void timedChatMarksKeepTheirEventTime() {
    SegmentRecord r = segments(new String[] {"AGENT"}, new String[] {"POSITIVE"}, new long[] {-1});
    r.channel = "CHAT";
    r.eventTimeMs = 1_763_650_800_000L;
    SegmentRecord m = marks.map(r);
    assertThat(m.timeOnly).isTrue();
    assertThat(m.eventTimeMs).isEqualTo(1_763_650_800_000L);
    assertThat(m.channel).isEqualTo("CHAT");
  }
}
