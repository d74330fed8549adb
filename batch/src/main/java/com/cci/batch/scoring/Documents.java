package com.cci.batch.scoring;

import com.cci.schemas.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;

/**
 * Converts between Jackson trees and the SDK's {@link Document} (Converse tool schemas, inputs).
 */
public final class Documents {
  private Documents() {}

  /** The SDK document for a Jackson tree. */
  public static Document toDocument(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return Document.fromNull();
    }
    if (n.isObject()) {
      Map<String, Document> m = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        m.put(e.getKey(), toDocument(e.getValue()));
      }
      return Document.fromMap(m);
    }
    if (n.isArray()) {
      List<Document> l = new ArrayList<>(n.size());
      n.forEach(x -> l.add(toDocument(x)));
      return Document.fromList(l);
    }
    if (n.isBoolean()) {
      return Document.fromBoolean(n.booleanValue());
    }
    if (n.isIntegralNumber()) {
      return Document.fromNumber(SdkNumber.fromBigInteger(n.bigIntegerValue()));
    }
    if (n.isNumber()) {
      return Document.fromNumber(SdkNumber.fromBigDecimal(n.decimalValue()));
    }
    return Document.fromString(n.asText());
  }

  /** The Jackson tree for an SDK document. */
  public static JsonNode toJson(Document d) {
    JsonNodeFactory f = Json.mapper().getNodeFactory();
    if (d == null || d.isNull()) {
      return f.nullNode();
    }
    if (d.isMap()) {
      ObjectNode o = f.objectNode();
      d.asMap().forEach((k, v) -> o.set(k, toJson(v)));
      return o;
    }
    if (d.isList()) {
      ArrayNode a = f.arrayNode();
      d.asList().forEach(v -> a.add(toJson(v)));
      return a;
    }
    if (d.isBoolean()) {
      return f.booleanNode(d.asBoolean());
    }
    if (d.isNumber()) {
      BigDecimal b = d.asNumber().bigDecimalValue();
      try {
        return f.numberNode(b.toBigIntegerExact());
      } catch (ArithmeticException notIntegral) {
        return f.numberNode(b);
      }
    }
    return f.textNode(d.asString());
  }
}
