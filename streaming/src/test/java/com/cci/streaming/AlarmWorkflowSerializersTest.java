package com.cci.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.streaming.config.JobConfig;
import com.cci.streaming.config.PropertyGroups;
import com.cci.streaming.parse.SegmentClock;
import com.cci.streaming.parse.SegmentParser;
import com.cci.streaming.records.SegmentAnchor;
import com.cci.streaming.records.SegmentRecord;
import com.cci.streaming.records.SegmentRecordSerializer;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.base.ListSerializer;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializer;
import org.apache.flink.core.memory.DataInputViewStreamWrapper;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyedBackendSerializationProxy;
import org.apache.flink.runtime.state.KeyedStateHandle;
import org.apache.flink.runtime.state.StreamStateHandle;
import org.apache.flink.runtime.state.metainfo.StateMetaInfoSnapshot;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamEdge;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.partitioner.KeyGroupStreamPartitioner;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * Which serializer each segment-record path of {@link AlarmWorkflow} uses (decision 0011): the
 * shuffle from the segment time marks into the segment clock the hand-written {@link
 * SegmentRecordSerializer}; the segment clock's state (savepoints) and every other path the POJO
 * serializer.
 */
class AlarmWorkflowSerializersTest {

  private static StreamGraph graph() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    DataStream<String> s = env.fromData(List.of("x"), Types.STRING);
    JobConfig cfg = JobConfig.from(PropertyGroups.fromDevResource());
    // define() disables generic types: a Kryo fallback anywhere would fail here
    AlarmWorkflow.define(env, new AlarmWorkflow.Inputs(s, s, s, s), cfg, (a, m, d) -> {});
    assertThat(env.getConfig().hasGenericTypesDisabled()).isTrue();
    return env.getStreamGraph(false);
  }

  private static StreamNode node(StreamGraph g, String uid) {
    return g.getStreamNodes().stream()
        .filter(n -> uid.equals(n.getTransformationUID()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no operator with uid " + uid));
  }

  @Test
  void theSegmentShuffleIntoTheClockUsesTheHandWrittenSerializer() {
    StreamGraph g = graph();
    StreamNode marks = node(g, "segment-time-marks");
    StreamNode clock = node(g, "segment-clock");
    // the records leave the time marks with it (the network writer's serializer) ...
    assertThat(marks.getTypeSerializerOut()).isSameAs(SegmentRecordSerializer.INSTANCE);
    // ... over a keyed (hash) edge straight into the clock ...
    List<StreamEdge> edges = g.getStreamEdges(marks.getId(), clock.getId());
    assertThat(edges).singleElement();
    assertThat(edges.get(0).getPartitioner()).isInstanceOf(KeyGroupStreamPartitioner.class);
    // ... which reads its second input (segments) with it, its first (anchors) with the POJO one
    TypeSerializer<?>[] in = clock.getTypeSerializersIn();
    assertThat(in[1]).isSameAs(SegmentRecordSerializer.INSTANCE);
    assertThat(in[0]).isInstanceOf(PojoSerializer.class);
    assertThat(((PojoSerializer<?>) in[0]).snapshotConfiguration().restoreSerializer())
        .isInstanceOf(PojoSerializer.class);
    assertThat(in[0].createInstance()).isInstanceOf(SegmentAnchor.class);
    // the clock's output (chained into the conversation rules) and the parse stage keep the POJO
    assertThat(clock.getTypeSerializerOut()).isInstanceOf(PojoSerializer.class);
    assertThat(node(g, "parse-contact-lens").getTypeSerializerOut())
        .isInstanceOf(PojoSerializer.class);
    assertThat(node(g, "segment-timestamps").getTypeSerializerOut())
        .isInstanceOf(PojoSerializer.class);
    // no other operator produces with it
    assertThat(g.getStreamNodes())
        .filteredOn(n -> n.getTypeSerializerOut() instanceof SegmentRecordSerializer)
        .extracting(StreamNode::getTransformationUID)
        .containsExactly("segment-time-marks");
  }

  @Test
  void theUidsOfTheSegmentPathAreUnchangedAndUnique() {
    StreamGraph g = graph();
    List<String> uids = g.getStreamNodes().stream().map(StreamNode::getTransformationUID).toList();
    assertThat(uids)
        .contains(
            "parse-contact-lens",
            "event-time-contact-lens",
            "segment-time-marks",
            "segment-anchors",
            "segment-anchors-ctr",
            "segment-clock",
            "segment-timestamps");
    List<String> own = uids.stream().filter(u -> u != null).toList();
    assertThat(new HashSet<>(own)).hasSameSizeAs(own);
  }

  @Test
  void theSegmentClockKeepsItsWaitingSegmentsWithThePojoSerializer() throws Exception {
    OperatorSubtaskState snapshot;
    try (var h =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(new SegmentClock(600_000, 4096)),
            new AlarmWorkflow.AnchorContact(),
            new AlarmWorkflow.SegmentContact(),
            Types.STRING)) {
      h.open();
      SegmentRecord s = new SegmentRecord();
      s.contactId = "c1";
      s.channel = "VOICE";
      s.eventType = "SEGMENTS";
      s.eventTimeMs = SegmentParser.UNTIMED;
      s.endOffsetsMs = new long[] {2_000};
      s.turnIds = new String[] {"t1"};
      s.roles = new String[] {"CUSTOMER"};
      s.sentiments = new String[] {"NEGATIVE"};
      s.matchedCategories = new String[0];
      h.processElement2(new StreamRecord<>(s)); // no anchor yet: it waits in state
      snapshot = h.snapshot(1L, 1L);
    }
    Set<String> seen = new HashSet<>();
    for (KeyedStateHandle handle : snapshot.getManagedKeyedState()) {
      KeyedBackendSerializationProxy<String> proxy =
          new KeyedBackendSerializationProxy<>(getClass().getClassLoader());
      try (InputStream in = ((StreamStateHandle) handle).openInputStream()) {
        proxy.read(new DataInputViewStreamWrapper(in));
      }
      for (StateMetaInfoSnapshot meta : proxy.getStateMetaInfoSnapshots()) {
        seen.add(meta.getName());
        if (!"waiting".equals(meta.getName())) {
          continue;
        }
        TypeSerializer<?> value =
            meta.getTypeSerializerSnapshot(
                    StateMetaInfoSnapshot.CommonSerializerKeys.VALUE_SERIALIZER)
                .restoreSerializer();
        assertThat(value).isInstanceOf(ListSerializer.class);
        TypeSerializer<?> element = ((ListSerializer<?>) value).getElementSerializer();
        assertThat(element).isInstanceOf(PojoSerializer.class);
        assertThat(element.createInstance()).isInstanceOf(SegmentRecord.class);
      }
    }
    assertThat(seen).contains("waiting", "clock");
  }
}
