package com.cci.batch.ctr;

import com.cci.schemas.Json;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Firehose object of contact records into records. Firehose concatenates the stream's
 * records as they came: JSON Lines when the producer added newlines, else JSON objects back to back
 * ({@code {...}{...}}). Both are read as a sequence of top-level JSON values; a value that is not
 * an object, or text that is not JSON, becomes a bad record with its position — parsing stops
 * there, since after a syntax error the rest of the object cannot be framed reliably.
 */
public final class CtrSplitter {
  private CtrSplitter() {}

  /**
   * One element of the object: a parsed record, or why the text at {@code index} is not one.
   *
   * @param index position of the value in the object (0-based)
   * @param node the record, or null
   * @param error why it is bad, or null
   */
  public record Piece(int index, JsonNode node, String error) {}

  /** Splits the bytes of one Firehose object. */
  public static List<Piece> split(byte[] content) {
    List<Piece> out = new ArrayList<>();
    int i = 0;
    try (JsonParser p = Json.mapper().getFactory().createParser(content)) {
      while (true) {
        JsonToken t;
        try {
          t = p.nextToken();
        } catch (JsonProcessingException e) {
          out.add(new Piece(i, null, "not JSON at value " + i + ": " + e.getOriginalMessage()));
          return out;
        }
        if (t == null) {
          return out;
        }
        JsonNode node;
        try {
          node = Json.mapper().readTree(p);
        } catch (JsonProcessingException e) {
          out.add(new Piece(i, null, "not JSON at value " + i + ": " + e.getOriginalMessage()));
          return out;
        }
        if (node == null || !node.isObject()) {
          out.add(
              new Piece(
                  i,
                  null,
                  "value "
                      + i
                      + " is "
                      + (node == null ? "empty" : node.getNodeType().toString())
                      + ", not a contact record object"));
        } else {
          out.add(new Piece(i, node, null));
        }
        i++;
      }
    } catch (IOException e) {
      out.add(new Piece(i, null, "cannot read: " + e.getMessage()));
      return out;
    }
  }
}
