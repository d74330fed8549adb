package com.cci.streaming.records;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * A hand-written serializer for {@link SegmentRecord} on the <em>network</em> edge into {@code
 * parse.SegmentClock} (decision 0011): it writes the fields directly instead of through Flink's
 * reflective {@code PojoSerializer}, which builds a default value for every field before
 * overwriting it and writes a null flag per field. It is exposed by {@link SegmentRecordTypeInfo}
 * and must not be used for state: state keeps {@code TypeInformation.of(SegmentRecord.class)} so
 * savepoints stay readable.
 *
 * <p>Format, in this order:
 *
 * <ol>
 *   <li>one byte of flags: bit 0 {@link SegmentRecord#timeOnly};
 *   <li>{@link SegmentRecord#channel}, {@link SegmentRecord#eventType}: a <em>word</em>;
 *   <li>{@link SegmentRecord#contactId}: a string;
 *   <li>{@link SegmentRecord#eventTimeMs}: 8 bytes;
 *   <li>{@link SegmentRecord#turnIds} (strings), {@link SegmentRecord#roles} (words), {@link
 *       SegmentRecord#sentiments} (words), {@link SegmentRecord#endOffsetsMs} (8 bytes each),
 *       {@link SegmentRecord#matchedCategories} (strings): each an array, written as its length + 1
 *       in a variable-length int (0 = a null array, 1 = empty; one byte up to 126 elements), then
 *       its elements.
 * </ol>
 *
 * A <em>string</em> is {@link StringValue#writeString} (its length prefix also marks null; no 64 KB
 * limit as with {@code writeUTF}). A <em>word</em> is a field whose values come from a small fixed
 * vocabulary (channel, event type, role, sentiment): one byte, 0 for null, 2 + the index in {@link
 * #WORDS} for a word of the vocabulary (read back as that constant: no string decoded or
 * allocated), or 1 followed by the string for any other value, so every value round-trips. {@link
 * #WORDS} is part of the format: append only.
 *
 * <p>Stateless, so one instance is shared ({@link TypeSerializerSingleton}); {@link #copy} copies
 * the arrays (strings are immutable and shared).
 */
public final class SegmentRecordSerializer extends TypeSerializerSingleton<SegmentRecord> {
  private static final long serialVersionUID = 1L;

  /** The one instance. */
  public static final SegmentRecordSerializer INSTANCE = new SegmentRecordSerializer();

  /**
   * The word vocabulary (format: append only): channels ({@code schemas.ctr.Channel}), segment
   * event types ({@code lens.SegmentEventType}), roles ({@code transcript.Role}), sentiments
   * ({@code transcript.Sentiment}) as the parser writes them.
   */
  static final String[] WORDS = {
    "VOICE",
    "CHAT",
    "TASK",
    "EMAIL",
    "STARTED",
    "SEGMENTS",
    "COMPLETED",
    "FAILED",
    "AGENT",
    "CUSTOMER",
    "SYSTEM",
    "POSITIVE",
    "NEGATIVE",
    "NEUTRAL",
    "MIXED"
  };

  private static final byte NULL_WORD = 0;
  private static final byte LITERAL_WORD = 1;
  private static final int FIRST_WORD = 2;
  private static final int TIME_ONLY = 1;

  static {
    for (int i = 0; i < WORDS.length; i++) {
      if (wordCode(WORDS[i]) != FIRST_WORD + i) {
        throw new IllegalStateException("wordCode out of step with WORDS at " + WORDS[i]);
      }
    }
  }

  private SegmentRecordSerializer() {}

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public SegmentRecord createInstance() {
    return new SegmentRecord();
  }

  @Override
  public SegmentRecord copy(SegmentRecord from) {
    SegmentRecord c = new SegmentRecord();
    c.contactId = from.contactId;
    c.channel = from.channel;
    c.eventType = from.eventType;
    c.eventTimeMs = from.eventTimeMs;
    c.turnIds = from.turnIds == null ? null : from.turnIds.clone();
    c.roles = from.roles == null ? null : from.roles.clone();
    c.sentiments = from.sentiments == null ? null : from.sentiments.clone();
    c.endOffsetsMs = from.endOffsetsMs == null ? null : from.endOffsetsMs.clone();
    c.matchedCategories = from.matchedCategories == null ? null : from.matchedCategories.clone();
    c.timeOnly = from.timeOnly;
    return c;
  }

  @Override
  public SegmentRecord copy(SegmentRecord from, SegmentRecord reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(SegmentRecord r, DataOutputView out) throws IOException {
    if (r == null) {
      throw new NullPointerException("SegmentRecordSerializer cannot write a null record");
    }
    out.writeByte(r.timeOnly ? TIME_ONLY : 0);
    writeWord(r.channel, out);
    writeWord(r.eventType, out);
    StringValue.writeString(r.contactId, out);
    out.writeLong(r.eventTimeMs);
    writeStrings(r.turnIds, out);
    writeWords(r.roles, out);
    writeWords(r.sentiments, out);
    long[] offsets = r.endOffsetsMs;
    if (offsets == null) {
      out.writeByte(0);
    } else {
      writeLength(offsets.length, out);
      for (long o : offsets) {
        out.writeLong(o);
      }
    }
    writeStrings(r.matchedCategories, out);
  }

  @Override
  public SegmentRecord deserialize(DataInputView in) throws IOException {
    return deserialize(new SegmentRecord(), in);
  }

  @Override
  public SegmentRecord deserialize(SegmentRecord r, DataInputView in) throws IOException {
    int flags = in.readUnsignedByte();
    r.timeOnly = (flags & TIME_ONLY) != 0;
    r.channel = readWord(in);
    r.eventType = readWord(in);
    r.contactId = StringValue.readString(in);
    r.eventTimeMs = in.readLong();
    r.turnIds = readStrings(in);
    r.roles = readWords(in);
    r.sentiments = readWords(in);
    int n = readLength(in);
    if (n < 0) {
      r.endOffsetsMs = null;
    } else {
      long[] offsets = new long[n];
      for (int i = 0; i < n; i++) {
        offsets[i] = in.readLong();
      }
      r.endOffsetsMs = offsets;
    }
    r.matchedCategories = readStrings(in);
    return r;
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    serialize(deserialize(source), target);
  }

  @Override
  public TypeSerializerSnapshot<SegmentRecord> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The word code of {@code s}: 2 + its index in {@link #WORDS}, or {@link #LITERAL_WORD}. */
  static int wordCode(String s) {
    return switch (s) {
      case "VOICE" -> 2;
      case "CHAT" -> 3;
      case "TASK" -> 4;
      case "EMAIL" -> 5;
      case "STARTED" -> 6;
      case "SEGMENTS" -> 7;
      case "COMPLETED" -> 8;
      case "FAILED" -> 9;
      case "AGENT" -> 10;
      case "CUSTOMER" -> 11;
      case "SYSTEM" -> 12;
      case "POSITIVE" -> 13;
      case "NEGATIVE" -> 14;
      case "NEUTRAL" -> 15;
      case "MIXED" -> 16;
      default -> LITERAL_WORD;
    };
  }

  private static void writeWord(String s, DataOutputView out) throws IOException {
    if (s == null) {
      out.writeByte(NULL_WORD);
      return;
    }
    int code = wordCode(s);
    out.writeByte(code);
    if (code == LITERAL_WORD) {
      StringValue.writeString(s, out);
    }
  }

  private static String readWord(DataInputView in) throws IOException {
    int code = in.readUnsignedByte();
    if (code == NULL_WORD) {
      return null;
    }
    if (code == LITERAL_WORD) {
      return StringValue.readString(in);
    }
    int i = code - FIRST_WORD;
    if (i >= WORDS.length) {
      throw new IOException(
          "SegmentRecord word code "
              + code
              + " is not in this version's vocabulary (corrupt data)");
    }
    return WORDS[i];
  }

  private static void writeStrings(String[] a, DataOutputView out) throws IOException {
    if (a == null) {
      out.writeByte(0);
      return;
    }
    writeLength(a.length, out);
    for (String s : a) {
      StringValue.writeString(s, out);
    }
  }

  private static String[] readStrings(DataInputView in) throws IOException {
    int n = readLength(in);
    if (n < 0) {
      return null;
    }
    String[] a = new String[n];
    for (int i = 0; i < n; i++) {
      a[i] = StringValue.readString(in);
    }
    return a;
  }

  private static void writeWords(String[] a, DataOutputView out) throws IOException {
    if (a == null) {
      out.writeByte(0);
      return;
    }
    writeLength(a.length, out);
    for (String s : a) {
      writeWord(s, out);
    }
  }

  private static String[] readWords(DataInputView in) throws IOException {
    int n = readLength(in);
    if (n < 0) {
      return null;
    }
    String[] a = new String[n];
    for (int i = 0; i < n; i++) {
      a[i] = readWord(in);
    }
    return a;
  }

  /** Writes {@code length + 1} (non-null array) as an unsigned variable-length int. */
  private static void writeLength(int length, DataOutputView out) throws IOException {
    int v = length + 1;
    while (v >= 0x80) {
      out.writeByte((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.writeByte(v);
  }

  /** The array length written by {@link #writeLength}, or -1 for a null array. */
  private static int readLength(DataInputView in) throws IOException {
    int v = 0;
    for (int shift = 0; ; shift += 7) {
      int b = in.readUnsignedByte();
      if (shift == 28 && b > 0x07) {
        throw new IOException("SegmentRecord array length overflows an int (corrupt data)");
      }
      v |= (b & 0x7F) << shift;
      if (b < 0x80) {
        return v - 1;
      }
    }
  }

  /** Keeps the singleton on Java deserialization (the serializer ships in the job graph). */
  private Object readResolve() {
    return INSTANCE;
  }

  /**
   * Snapshot of the serializer: it has no configuration. The serializer is for the network only,
   * but with unaligned checkpoints Flink also persists in-flight records in its format: a change of
   * the format (other than appending to {@link #WORDS}) needs a restore from a savepoint (aligned,
   * no in-flight records), like a change of the graph.
   */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<SegmentRecord> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
