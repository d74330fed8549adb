package com.cci.schemas.lex;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A filled slot. An unfilled slot is {@code null} in {@link Intent#slots()}.
 *
 * @param shape Scalar, List (multi-value) or Composite; may be absent for Scalar
 * @param value the value (for List: the whole utterance)
 * @param values the individual values of a List slot
 * @param subSlots the sub-slots of a Composite slot (values may be null)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Slot(
    @JsonProperty("shape") Shape shape,
    @JsonProperty("value") SlotValue value,
    @JsonProperty("values") List<Slot> values,
    @JsonProperty("subSlots") Map<String, Slot> subSlots) {

  public Slot {
    values = Copies.list(values);
    subSlots = Copies.map(subSlots);
  }

  /** Slot shape. */
  public enum Shape {
    @JsonProperty("Scalar")
    SCALAR,
    @JsonProperty("List")
    LIST,
    @JsonProperty("Composite")
    COMPOSITE
  }

  /** A scalar slot the code hook sets itself. */
  public static Slot scalar(String value) {
    return new Slot(Shape.SCALAR, SlotValue.of(value), null, null);
  }

  /** The interpreted value, or null when there is none. */
  @JsonIgnore
  public String interpretedValue() {
    return value == null ? null : value.interpretedValue();
  }

  /** The interpreted values of a List slot; for a scalar slot its one value; never null. */
  @JsonIgnore
  public List<String> interpretedValues() {
    List<String> out = new ArrayList<>();
    if (values != null && !values.isEmpty()) {
      for (Slot s : values) {
        if (s != null && s.interpretedValue() != null) {
          out.add(s.interpretedValue());
        }
      }
    } else if (interpretedValue() != null) {
      out.add(interpretedValue());
    }
    return out;
  }
}
