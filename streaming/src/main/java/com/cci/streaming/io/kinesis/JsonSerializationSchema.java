package com.cci.streaming.io.kinesis;

import com.cci.schemas.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.flink.api.common.serialization.SerializationSchema;

/**
 * Serializes a job record (Flink POJO with public fields) as one JSON document with the shared
 * {@link Json#mapper()}.
 *
 * @param <T> record type
 */
public class JsonSerializationSchema<T> implements SerializationSchema<T> {
  private static final long serialVersionUID = 1L;

  @Override
  public byte[] serialize(T element) {
    try {
      return Json.mapper().writeValueAsBytes(toJsonValue(element));
    } catch (JsonProcessingException e) {
      // Our own POJOs always serialize; failing here is a programming error, not bad input.
      throw new IllegalStateException(
          "cannot serialize " + element.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** The object handed to Jackson; subclasses map to a contract type. */
  protected Object toJsonValue(T element) {
    return element;
  }
}
