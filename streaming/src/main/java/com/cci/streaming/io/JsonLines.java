package com.cci.streaming.io;

import com.cci.schemas.Json;
import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.DeadLetter;
import com.cci.streaming.records.QueueMetrics;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.flink.api.common.functions.MapFunction;

/** Record → one JSON line, for the file sinks of replay mode. */
public final class JsonLines {
  private JsonLines() {}

  /**
   * An alarm as the contract's {@code Alarm} JSON; {@code emittedAt} is the wall clock at the sink
   * (the one non-deterministic field, as on the Kinesis alarm stream).
   */
  public static final class AlarmJson implements MapFunction<AlarmEvent, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String map(AlarmEvent a) throws JsonProcessingException {
      return Json.mapper().writeValueAsString(a.toContract(System.currentTimeMillis()));
    }
  }

  /** Queue metrics POJO as JSON (field names as in {@link QueueMetrics}). */
  public static final class QueueMetricsJson implements MapFunction<QueueMetrics, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String map(QueueMetrics m) throws JsonProcessingException {
      return Json.mapper().writeValueAsString(m);
    }
  }

  /** Dead letter POJO as JSON: sourceStream, reason, payload, payloadLength, rejectedAtMs. */
  public static final class DeadLetterJson implements MapFunction<DeadLetter, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String map(DeadLetter d) throws JsonProcessingException {
      return Json.mapper().writeValueAsString(d);
    }
  }
}
