package com.cci.schemas.lex;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The next step of the dialog.
 *
 * @param type what Lex does next
 * @param slotToElicit slot to ask for (ElicitSlot)
 * @param slotElicitationStyle how the user may spell the value
 * @param subSlotToElicit sub-slot to ask for within a composite slot
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DialogAction(
    @JsonProperty("type") Type type,
    @JsonProperty("slotToElicit") String slotToElicit,
    @JsonProperty("slotElicitationStyle") ElicitationStyle slotElicitationStyle,
    @JsonProperty("subSlotToElicit") ElicitSubSlot subSlotToElicit) {

  /** Dialog action type. */
  public enum Type {
    @JsonProperty("Close")
    CLOSE,
    @JsonProperty("ConfirmIntent")
    CONFIRM_INTENT,
    @JsonProperty("Delegate")
    DELEGATE,
    @JsonProperty("ElicitIntent")
    ELICIT_INTENT,
    @JsonProperty("ElicitSlot")
    ELICIT_SLOT
  }

  /** How Lex asks for a slot value. */
  public enum ElicitationStyle {
    @JsonProperty("Default")
    DEFAULT,
    @JsonProperty("SpellByLetter")
    SPELL_BY_LETTER,
    @JsonProperty("SpellByWord")
    SPELL_BY_WORD
  }

  /**
   * A sub-slot to elicit, possibly nested.
   *
   * @param name sub-slot name
   * @param subSlotToElicit nested sub-slot, may be null
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ElicitSubSlot(
      @JsonProperty("name") String name,
      @JsonProperty("subSlotToElicit") ElicitSubSlot subSlotToElicit) {}

  public static DialogAction of(Type type) {
    return new DialogAction(type, null, null, null);
  }
}
