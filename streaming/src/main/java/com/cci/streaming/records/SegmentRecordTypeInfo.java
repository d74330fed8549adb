package com.cci.streaming.records;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Type information of {@link SegmentRecord} with the hand-written {@link SegmentRecordSerializer}:
 * for the network edge into the segment clock only ({@code
 * .returns(SegmentRecordTypeInfo.INSTANCE)} in {@code AlarmWorkflow}). State that holds segment
 * records keeps {@code TypeInformation.of(SegmentRecord.class)} (the POJO serializer, savepoint
 * compatible), which is why {@link SegmentRecord} is not annotated with {@code @TypeInfo} (decision
 * 0011). Not a key type: key by a {@code KeySelector}.
 */
public final class SegmentRecordTypeInfo extends TypeInformation<SegmentRecord> {
  private static final long serialVersionUID = 1L;

  /** The one instance (the type has no parameters). */
  public static final SegmentRecordTypeInfo INSTANCE = new SegmentRecordTypeInfo();

  private SegmentRecordTypeInfo() {}

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<SegmentRecord> getTypeClass() {
    return SegmentRecord.class;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<SegmentRecord> createSerializer(SerializerConfig config) {
    return SegmentRecordSerializer.INSTANCE;
  }

  /**
   * @deprecated as in {@link TypeInformation}; use {@link #createSerializer(SerializerConfig)}
   */
  @Deprecated
  @Override
  public TypeSerializer<SegmentRecord> createSerializer(ExecutionConfig config) {
    return SegmentRecordSerializer.INSTANCE;
  }

  @Override
  public String toString() {
    return "SegmentRecordTypeInfo";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SegmentRecordTypeInfo other && other.canEqual(this);
  }

  @Override
  public int hashCode() {
    return SegmentRecordTypeInfo.class.hashCode();
  }

  @Override
  public boolean canEqual(Object o) {
    return o instanceof SegmentRecordTypeInfo;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
