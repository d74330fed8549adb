package com.cci.schemas;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every record kind in the CCI data contract. Each kind has one JSON Schema (draft 2020-12) on the
 * classpath at {@code schemas/<id>.schema.json} and fixtures at {@code
 * fixtures/<id>/{valid,invalid}/} in the test jar.
 */
public enum SchemaKind {
  CTR("ctr"),
  CONTACT_EVENT("contact-event"),
  CONTACT_LENS_SEGMENT("contact-lens-segment"),
  POST_CALL_TRANSCRIPT("post-call-transcript"),
  QA_FORM("qa-form"),
  QA_RESULT("qa-result"),
  ALARM("alarm"),
  FULFILLMENT_EVENT("fulfillment-event"),
  LEX_V2_EVENT("lex-v2-event"),
  LEX_V2_RESPONSE("lex-v2-response");

  /** Base URI of every schema's {@code $id}; mapped to {@code classpath:schemas/}. */
  public static final String ID_PREFIX = "https://schemas.cci.example/";

  private final String id;

  SchemaKind(String id) {
    this.id = id;
  }

  /** The kind's name as used on the command line, in file names and in {@code $id}. */
  public String id() {
    return id;
  }

  public String schemaResource() {
    return "schemas/" + id + ".schema.json";
  }

  public String schemaUri() {
    return ID_PREFIX + id + ".schema.json";
  }

  /** Parses a kind by its id ({@code ctr}) or enum name ({@code CTR}), any case. */
  public static SchemaKind of(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (SchemaKind k : values()) {
      if (k.id.equals(n)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown record kind '" + name + "'; known kinds: " + ids());
  }

  public static String ids() {
    return Arrays.stream(values()).map(SchemaKind::id).collect(Collectors.joining(", "));
  }
}
