package com.cci.schemas.lex;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Reads a Lex confidence written either as a number ({@code 0.92}) or, as some documentation
 * examples show it, as {@code {"score": 0.92}}.
 */
final class ConfidenceDeserializer extends StdDeserializer<Double> {
  private static final long serialVersionUID = 1L;

  ConfidenceDeserializer() {
    super(Double.class);
  }

  @Override
  public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode node = p.readValueAsTree();
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isObject() && node.path("score").isNumber()) {
      return node.get("score").doubleValue();
    }
    if (node.isObject() && !node.has("score")) {
      return null;
    }
    return (Double)
        ctxt.handleUnexpectedToken(
            Double.class,
            p.currentToken(),
            p,
            "confidence must be a number or {\"score\": number}");
  }
}
