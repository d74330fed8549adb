package com.cci.schemas;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an {@link Instant} as UTC ISO-8601 with exactly three fraction digits ({@code
 * 2026-11-22T01:02:03.000Z}); Jackson's default drops a zero fraction. Use with
 * {@code @JsonSerialize(using = MillisInstantSerializer.class)} on fields the contract pins to
 * milliseconds.
 */
public final class MillisInstantSerializer extends StdSerializer<Instant> {
  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  public MillisInstantSerializer() {
    super(Instant.class);
  }

  /** The text this serializer writes for {@code instant}. */
  public static String format(Instant instant) {
    return FORMAT.format(instant);
  }

  @Override
  public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeString(format(value));
  }
}
