package com.cci.streaming.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;

/**
 * Field names of one kind of JSON object for the streaming readers, matched by index with a
 * prediction of which field comes next.
 *
 * <p>Producers write an object's fields in a fixed order (Contact Lens, EventBridge and the
 * simulator alike), so the next field name is usually known: {@link #next} asks Jackson whether the
 * next token is that name ({@link
 * JsonParser#nextFieldName(com.fasterxml.jackson.core.SerializableString)} compares the raw bytes
 * and skips the parser's field-name symbol table, a fifth of the segment parser's time before). Any
 * other name — another order, an unknown field, escapes — takes Jackson's ordinary path and is
 * looked up here, so the result never depends on the order: only the speed does. Immutable; one
 * instance per object kind, shared.
 */
final class FieldMatcher {
  /** {@link #next}: the token is not a field name (end of the object, or malformed input). */
  static final int END = -2;

  /** {@link #next}: a field name that is not one of this matcher's. */
  static final int OTHER = -1;

  private final String[] names;
  private final SerializedString[] encoded;
  private final int[] successor;

  /**
   * @param names the fields in the order they are usually written; index = position
   */
  FieldMatcher(String... names) {
    this.names = names.clone();
    this.encoded = new SerializedString[names.length];
    this.successor = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      encoded[i] = new SerializedString(names[i]);
      successor[i] = i + 1 < names.length ? i + 1 : 0;
    }
  }

  private FieldMatcher(FieldMatcher base, int[] successor) {
    this.names = base.names;
    this.encoded = base.encoded;
    this.successor = successor;
  }

  /**
   * The same names with other predictions: {@code pairs} = (field, field usually written after
   * it)...; e.g. chat transcripts put {@code DisplayName} after {@code ParticipantRole}.
   */
  FieldMatcher withSuccessors(int... pairs) {
    if (pairs.length % 2 != 0) {
      throw new IllegalArgumentException("pairs of (field, next field) expected");
    }
    int[] s = successor.clone();
    for (int i = 0; i < pairs.length; i += 2) {
      s[pairs[i]] = pairs[i + 1];
    }
    return new FieldMatcher(this, s);
  }

  /** The field predicted after {@code field} ({@link #OTHER} or {@link #END}: the first one). */
  int after(int field) {
    return field >= 0 ? successor[field] : 0;
  }

  /**
   * Advances {@code p} by one token, as {@link JsonParser#nextToken()} does, and tells which field
   * name it is: its index, {@link #OTHER} for another name, {@link #END} when the token is not a
   * field name ({@link JsonParser#currentToken()} says what it is).
   *
   * @param predicted the index expected (see {@link #after}); any value is correct, a good one fast
   */
  int next(JsonParser p, int predicted) throws IOException {
    if (predicted >= 0 && predicted < encoded.length && p.nextFieldName(encoded[predicted])) {
      return predicted;
    }
    if (p.currentToken() != JsonToken.FIELD_NAME) {
      return END;
    }
    return indexOf(p.currentName());
  }

  /**
   * {@link #next} by name, for readers that switch on names: advances {@code p} by one token and
   * returns the field name (this matcher's own String when it is one of its names), or null when
   * the token is not a field name. {@code previous} = the name returned for the previous field of
   * the same object (null for the first): the prediction is the field usually written after it.
   */
  String nextName(JsonParser p, String previous) throws IOException {
    int predicted = 0;
    if (previous != null) {
      for (int i = 0; i < names.length; i++) {
        if (names[i] == previous) { // our own String, or Jackson's interned copy of it
          predicted = successor[i];
          break;
        }
      }
    }
    if (predicted < encoded.length && p.nextFieldName(encoded[predicted])) {
      return names[predicted];
    }
    return p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : null;
  }

  /** Index of {@code name}, or {@link #OTHER}. */
  int indexOf(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return OTHER;
  }

  /** The name at {@code index}. */
  String name(int index) {
    return names[index];
  }

  /**
   * Skips the rest of the current object (the parser is just past its {@code START_OBJECT} or one
   * of its values) using the predictions: the skip of {@link JsonParser#skipChildren()} without the
   * symbol-table lookups of the names this matcher knows. Nested values are skipped with {@code
   * skipChildren}. Malformed JSON fails as it would there.
   */
  void skipObject(JsonParser p) throws IOException {
    int f = OTHER;
    while ((f = next(p, after(f))) != END) {
      JsonToken v = p.nextToken();
      if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
        p.skipChildren();
      }
    }
  }
}
