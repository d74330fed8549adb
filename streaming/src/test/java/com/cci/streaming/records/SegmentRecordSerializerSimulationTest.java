package com.cci.streaming.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.streaming.bench.SegmentSerializerBenchmark;
import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every segment record the job sends to the segment clock in one simulated normal-day hour (parsed
 * by {@code SegmentParser}, then {@code SegmentTimeMarks}) round-trips through {@link
 * SegmentRecordSerializer} field by field, and reads back exactly as through the POJO serializer it
 * replaces on that edge.
 */
@Timeout(120)
class SegmentRecordSerializerSimulationTest {
  static List<SegmentRecord> segments;

  @BeforeAll
  static void simulate() {
    SegmentSerializerBenchmark.SentRecords sent =
        SegmentSerializerBenchmark.asSent("normal-day", 7, 1.0);
    assertThat(sent.rejected()).as("records the parsers rejected").isZero();
    segments = sent.segments();
  }

  @Test
  void theHourHasEveryKindOfSegmentRecord() {
    assertThat(segments).hasSizeGreaterThan(1_000);
    assertThat(segments).anyMatch(s -> s.timeOnly);
    assertThat(segments).anyMatch(s -> !s.timeOnly && s.turnCount() > 0);
    assertThat(segments).anyMatch(s -> "VOICE".equals(s.channel));
    assertThat(segments).anyMatch(s -> "CHAT".equals(s.channel));
    assertThat(segments).anyMatch(s -> "COMPLETED".equals(s.eventType));
    assertThat(segments).anyMatch(s -> s.matchedCategories.length > 0);
    assertThat(segments).anyMatch(s -> s.eventTimeMs == Long.MIN_VALUE); // untimed (voice)
  }

  @Test
  void everyRecordRoundTripsFieldByFieldAndAsThroughThePojoSerializer() throws IOException {
    TypeSerializer<SegmentRecord> hand = SegmentRecordSerializer.INSTANCE;
    TypeSerializer<SegmentRecord> pojo =
        TypeInformation.of(SegmentRecord.class)
            .createSerializer(new ExecutionConfig().getSerializerConfig());
    DataOutputSerializer handOut = new DataOutputSerializer(1 << 16);
    DataOutputSerializer pojoOut = new DataOutputSerializer(1 << 16);
    for (SegmentRecord s : segments) {
      hand.serialize(s, handOut);
      pojo.serialize(s, pojoOut);
    }
    DataInputDeserializer handIn = new DataInputDeserializer(handOut.getCopyOfBuffer());
    DataInputDeserializer pojoIn = new DataInputDeserializer(pojoOut.getCopyOfBuffer());
    int i = 0;
    for (SegmentRecord s : segments) {
      SegmentRecord viaHand = hand.deserialize(handIn);
      SegmentRecord viaPojo = pojo.deserialize(pojoIn);
      assertThat(viaHand).isNotSameAs(s);
      assertThat(viaHand)
          .as("record %d (%s %s) through the hand-written serializer", i, s.contactId, s.eventType)
          .usingRecursiveComparison()
          .isEqualTo(s);
      assertThat(viaHand)
          .as("record %d: hand-written vs POJO serializer", i)
          .usingRecursiveComparison()
          .isEqualTo(viaPojo);
      assertThat(SegmentRecordSerializerTest.sameFields(viaHand, s)).isTrue();
      i++;
    }
    assertThat(handIn.available()).isZero();
    assertThat(pojoIn.available()).isZero();
    // the compact format is smaller than the POJO one on the real mix
    assertThat(handOut.length()).isLessThan(pojoOut.length());
  }
}
