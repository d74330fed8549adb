package com.cci.streaming.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;
import org.junit.jupiter.api.Test;

/**
 * {@link SegmentRecordSerializer} through Flink's {@link SerializerTestBase} (copy, serialize
 * individually and as a sequence, with and without reuse, serialized copy, snapshot and restore,
 * Java serializability, duplicate) over representative records, plus the format details: words,
 * literals, long arrays, corrupt input.
 */
class SegmentRecordSerializerTest extends SerializerTestBase<SegmentRecord> {

  SegmentRecordSerializerTest() {
    super(
        new DeeplyEqualsChecker()
            .withCustomCheck(
                (a, b) -> a instanceof SegmentRecord && b instanceof SegmentRecord,
                (a, b, checker) -> sameFields((SegmentRecord) a, (SegmentRecord) b)));
  }

  /** Every field of {@code a} equals the one of {@code b} (arrays by content). */
  static boolean sameFields(SegmentRecord a, SegmentRecord b) {
    return Objects.equals(a.contactId, b.contactId)
        && Objects.equals(a.channel, b.channel)
        && Objects.equals(a.eventType, b.eventType)
        && a.eventTimeMs == b.eventTimeMs
        && Arrays.equals(a.turnIds, b.turnIds)
        && Arrays.equals(a.roles, b.roles)
        && Arrays.equals(a.sentiments, b.sentiments)
        && Arrays.equals(a.endOffsetsMs, b.endOffsetsMs)
        && Arrays.equals(a.matchedCategories, b.matchedCategories)
        && a.timeOnly == b.timeOnly;
  }

  @Override
  protected TypeSerializer<SegmentRecord> createSerializer() {
    return SegmentRecordSerializer.INSTANCE;
  }

  @Override
  protected int getLength() {
    return -1;
  }

  @Override
  protected Class<SegmentRecord> getTypeClass() {
    return SegmentRecord.class;
  }

  @Override
  protected SegmentRecord[] getTestData() {
    SegmentRecord allNull = new SegmentRecord();
    SegmentRecord nullsInArrays = voice();
    nullsInArrays.turnIds = new String[] {null, "t2"};
    nullsInArrays.roles = new String[] {"AGENT", null};
    nullsInArrays.sentiments = new String[] {null, null};
    nullsInArrays.matchedCategories = new String[] {null};
    SegmentRecord nullArrays = voice();
    nullArrays.turnIds = null;
    nullArrays.roles = null;
    nullArrays.sentiments = null;
    nullArrays.endOffsetsMs = null;
    nullArrays.matchedCategories = null;
    SegmentRecord nullStrings = voice();
    nullStrings.contactId = null;
    nullStrings.channel = null;
    nullStrings.eventType = null;
    SegmentRecord empty = voice();
    empty.turnIds = new String[0];
    empty.roles = new String[0];
    empty.sentiments = new String[0];
    empty.endOffsetsMs = new long[0];
    empty.matchedCategories = new String[0];
    empty.eventType = "STARTED";
    SegmentRecord text = chat();
    text.contactId = "kontakt-ä-ß-€-\u4e2d\u6587-😀";
    text.turnIds = new String[] {"🙂-1", ""};
    text.matchedCategories = new String[] {"Betrugsverdacht-Überweisung", "x".repeat(70_000)};
    SegmentRecord literals = chat();
    literals.channel = "voice"; // not a word of the vocabulary: written as a literal
    literals.eventType = "UNKNOWN";
    literals.roles = new String[] {"Agent", "KUNDE"};
    literals.sentiments = new String[] {"SEHR_NEGATIV", ""};
    SegmentRecord many = voice();
    int n = 300; // array lengths over 127: two-byte length prefix
    many.turnIds = new String[n];
    many.roles = new String[n];
    many.sentiments = new String[n];
    many.endOffsetsMs = new long[n];
    for (int i = 0; i < n; i++) {
      many.turnIds[i] = "turn-" + i;
      many.roles[i] = i % 2 == 0 ? "AGENT" : "CUSTOMER";
      many.sentiments[i] = i % 3 == 0 ? null : "NEUTRAL";
      many.endOffsetsMs[i] = i * 1_000L - 1;
    }
    SegmentRecord extremes = voice();
    extremes.eventTimeMs = Long.MIN_VALUE; // SegmentParser.UNTIMED
    extremes.endOffsetsMs = new long[] {Long.MAX_VALUE, Long.MIN_VALUE, -1, 0};
    SegmentRecord completed = voice();
    completed.eventType = "COMPLETED";
    completed.turnIds = new String[0];
    completed.roles = new String[0];
    completed.sentiments = new String[0];
    completed.endOffsetsMs = new long[0];
    return new SegmentRecord[] {
      voice(),
      chat(),
      voice().timeMark(),
      chat().timeMark(),
      allNull,
      nullsInArrays,
      nullArrays,
      nullStrings,
      empty,
      text,
      literals,
      many,
      extremes,
      completed
    };
  }

  /** A full voice segment as the parser writes it: untimed, offsets, categories. */
  static SegmentRecord voice() {
    SegmentRecord r = new SegmentRecord();
    r.contactId = "0b6c4f1e-5a3d-4c2b-9e8f-1a2b3c4d5e6f";
    r.channel = "VOICE";
    r.eventType = "SEGMENTS";
    r.eventTimeMs = Long.MIN_VALUE;
    r.turnIds = new String[] {"5c2c1f3e-aaaa-4bbb-8ccc-000000000001", "5c2c1f3e-0002"};
    r.roles = new String[] {"AGENT", "CUSTOMER"};
    r.sentiments = new String[] {"NEUTRAL", "NEGATIVE"};
    r.endOffsetsMs = new long[] {12_345, 19_870};
    r.matchedCategories = new String[] {"FraudSuspected"};
    return r;
  }

  /** A chat segment: absolute time, an offset-less turn, no categories. */
  static SegmentRecord chat() {
    SegmentRecord r = new SegmentRecord();
    r.contactId = "c-chat-1";
    r.channel = "CHAT";
    r.eventType = "SEGMENTS";
    r.eventTimeMs = 1_763_650_800_123L;
    r.turnIds = new String[] {"m1", "m2", "m3"};
    r.roles = new String[] {"CUSTOMER", "SYSTEM", "AGENT"};
    r.sentiments = new String[] {"MIXED", null, "POSITIVE"};
    r.endOffsetsMs = new long[] {-1, -1, -1};
    r.matchedCategories = new String[0];
    return r;
  }

  private static byte[] write(TypeSerializer<SegmentRecord> s, SegmentRecord r) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    s.serialize(r, out);
    return out.getCopyOfBuffer();
  }

  private static SegmentRecord read(byte[] b) throws IOException {
    DataInputDeserializer in = new DataInputDeserializer(b);
    SegmentRecord r = SegmentRecordSerializer.INSTANCE.deserialize(in);
    assertThat(in.available()).as("bytes left").isZero();
    return r;
  }

  @Test
  void vocabularyWordsTakeOneByteAndComeBackAsTheConstants() throws IOException {
    for (int i = 0; i < SegmentRecordSerializer.WORDS.length; i++) {
      String word = SegmentRecordSerializer.WORDS[i];
      assertThat(SegmentRecordSerializer.wordCode(new String(word))).isEqualTo(2 + i);
    }
    SegmentRecord r = voice();
    r.channel = new String("VOICE"); // not the interned constant
    SegmentRecord back = read(write(SegmentRecordSerializer.INSTANCE, r));
    assertThat(back.channel).isSameAs(SegmentRecordSerializer.WORDS[0]);
    assertThat(back.roles[1]).isSameAs(SegmentRecordSerializer.WORDS[9]);
    assertThat(SegmentRecordSerializer.wordCode("voice")).isEqualTo(1);
  }

  @Test
  void aTimeMarkIsAFewBytesAndSmallerThanWithThePojoSerializer() throws IOException {
    TypeSerializer<SegmentRecord> pojo =
        TypeInformation.of(SegmentRecord.class)
            .createSerializer(new ExecutionConfig().getSerializerConfig());
    SegmentRecord mark = voice().timeMark();
    byte[] hand = write(SegmentRecordSerializer.INSTANCE, mark);
    // flags, channel, type, contact id (1 + 36), time (8), 3 empty arrays, offsets (1 + 8),
    // no categories
    assertThat(hand).hasSize(1 + 1 + 1 + 37 + 8 + 3 + 9 + 1);
    assertThat(hand.length).isLessThan(write(pojo, mark).length);
    assertThat(write(SegmentRecordSerializer.INSTANCE, voice()).length)
        .isLessThan(write(pojo, voice()).length);
  }

  @Test
  void anUnknownWordCodeIsACorruptStreamError() throws IOException {
    byte[] b = write(SegmentRecordSerializer.INSTANCE, voice());
    b[1] = (byte) (2 + SegmentRecordSerializer.WORDS.length); // channel word code past the end
    assertThatThrownBy(() -> read(b))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("word code")
        .hasMessageContaining("corrupt");
  }

  @Test
  void aNullRecordIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> write(SegmentRecordSerializer.INSTANCE, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("null record");
  }

  @Test
  void copyIsDeep() {
    SegmentRecord r = voice();
    SegmentRecord c = SegmentRecordSerializer.INSTANCE.copy(r);
    assertThat(sameFields(r, c)).isTrue();
    assertThat(c.turnIds).isNotSameAs(r.turnIds);
    assertThat(c.roles).isNotSameAs(r.roles);
    assertThat(c.sentiments).isNotSameAs(r.sentiments);
    assertThat(c.endOffsetsMs).isNotSameAs(r.endOffsetsMs);
    assertThat(c.matchedCategories).isNotSameAs(r.matchedCategories);
    c.endOffsetsMs[0] = 7;
    c.sentiments[0] = "POSITIVE";
    assertThat(r.endOffsetsMs[0]).isEqualTo(12_345);
    assertThat(r.sentiments[0]).isEqualTo("NEUTRAL");
  }

  @Test
  void typeInfoGivesThisSerializerAndIsNotAPojo() {
    SegmentRecordTypeInfo info = SegmentRecordTypeInfo.INSTANCE;
    assertThat(info.createSerializer(new ExecutionConfig().getSerializerConfig()))
        .isSameAs(SegmentRecordSerializer.INSTANCE);
    assertThat(info.getTypeClass()).isEqualTo(SegmentRecord.class);
    assertThat(info.isKeyType()).isFalse();
    assertThat(info).isEqualTo(SegmentRecordTypeInfo.INSTANCE);
    assertThat(info).isNotEqualTo(TypeInformation.of(SegmentRecord.class));
    // the class itself keeps the POJO type (state, savepoints): no @TypeInfo on it
    assertThat(TypeInformation.of(SegmentRecord.class).getClass().getSimpleName())
        .isEqualTo("PojoTypeInfo");
  }
}
