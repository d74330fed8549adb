package com.cci.schemas.lex;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A message Lex plays or shows to the user.
 *
 * @param contentType PlainText, SSML, CustomPayload or ImageResponseCard
 * @param content the text (all types but ImageResponseCard)
 * @param imageResponseCard the card (ImageResponseCard only)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Message(
    @JsonProperty("contentType") ContentType contentType,
    @JsonProperty("content") String content,
    @JsonProperty("imageResponseCard") ImageResponseCard imageResponseCard) {

  /** Longest content Lex accepts. */
  public static final int MAX_CONTENT_LENGTH = 1000;

  /** Message content type. */
  public enum ContentType {
    @JsonProperty("CustomPayload")
    CUSTOM_PAYLOAD,
    @JsonProperty("ImageResponseCard")
    IMAGE_RESPONSE_CARD,
    @JsonProperty("PlainText")
    PLAIN_TEXT,
    @JsonProperty("SSML")
    SSML
  }

  /**
   * A response card with buttons (chat).
   *
   * @param title 1..250 characters
   * @param subtitle optional
   * @param imageUrl optional
   * @param buttons up to 5
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ImageResponseCard(
      @JsonProperty("title") String title,
      @JsonProperty("subtitle") String subtitle,
      @JsonProperty("imageUrl") String imageUrl,
      @JsonProperty("buttons") List<Button> buttons) {
    public ImageResponseCard {
      buttons = Copies.list(buttons);
    }
  }

  /**
   * @param text shown, 1..50 characters
   * @param value sent back when chosen, 1..50 characters
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Button(@JsonProperty("text") String text, @JsonProperty("value") String value) {}

  public static Message plainText(String text) {
    return new Message(ContentType.PLAIN_TEXT, text, null);
  }

  public static Message ssml(String ssml) {
    return new Message(ContentType.SSML, ssml, null);
  }

  public static Message card(ImageResponseCard card) {
    return new Message(ContentType.IMAGE_RESPONSE_CARD, null, card);
  }
}
