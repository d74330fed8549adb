package com.cci.schemas.lex;

import com.cci.schemas.lex.DialogAction.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds Lex V2 code-hook responses that always satisfy {@code lex-v2-response.schema.json}: the
 * dialog action is set, ElicitSlot names its slot and intent, Close carries the intent's final
 * state, ConfirmIntent and ElicitIntent carry a message, every message has content (or a card). Bad
 * arguments throw {@link IllegalArgumentException} here, not at run time inside Lex.
 *
 * <p>Each method takes the session attributes to keep (usually {@link
 * LexV2Event#sessionAttributes()} plus changes); pass {@code null} for none. Message text is
 * PlainText; use the {@code List<Message>} overloads for SSML or cards.
 */
public final class LexResponses {
  private LexResponses() {}

  /** Ends the intent with {@code state} (Fulfilled, Failed ...) and an optional message. */
  public static LexV2Response close(
      Intent intent, Intent.State state, Map<String, String> sessionAttributes, String message) {
    return close(intent, state, sessionAttributes, optional(message));
  }

  public static LexV2Response close(
      Intent intent,
      Intent.State state,
      Map<String, String> sessionAttributes,
      List<Message> messages) {
    requireIntent(intent, Type.CLOSE);
    if (state == null) {
      throw new IllegalArgumentException("Close needs the intent's final state (e.g. Fulfilled)");
    }
    return build(DialogAction.of(Type.CLOSE), intent.withState(state), sessionAttributes, messages);
  }

  /** Asks the user for {@code slotName} of {@code intent}, with an optional prompt. */
  public static LexV2Response elicitSlot(
      Intent intent, String slotName, Map<String, String> sessionAttributes, String message) {
    return elicitSlot(intent, slotName, sessionAttributes, optional(message));
  }

  public static LexV2Response elicitSlot(
      Intent intent,
      String slotName,
      Map<String, String> sessionAttributes,
      List<Message> messages) {
    requireIntent(intent, Type.ELICIT_SLOT);
    if (slotName == null || slotName.isBlank()) {
      throw new IllegalArgumentException("ElicitSlot needs the name of the slot to elicit");
    }
    Intent next = intent.state() == null ? intent.withState(Intent.State.IN_PROGRESS) : intent;
    return build(
        new DialogAction(Type.ELICIT_SLOT, slotName, null, null),
        next,
        sessionAttributes,
        messages);
  }

  /** Asks the user to confirm {@code intent}; the confirmation prompt is required. */
  public static LexV2Response confirmIntent(
      Intent intent, Map<String, String> sessionAttributes, String message) {
    return confirmIntent(intent, sessionAttributes, required(message, Type.CONFIRM_INTENT));
  }

  public static LexV2Response confirmIntent(
      Intent intent, Map<String, String> sessionAttributes, List<Message> messages) {
    requireIntent(intent, Type.CONFIRM_INTENT);
    requireMessages(messages, Type.CONFIRM_INTENT);
    return build(DialogAction.of(Type.CONFIRM_INTENT), intent, sessionAttributes, messages);
  }

  /** Lets Lex choose the next step; the intent (with any slots set by the hook) goes back. */
  public static LexV2Response delegate(Intent intent, Map<String, String> sessionAttributes) {
    requireIntent(intent, Type.DELEGATE);
    return build(DialogAction.of(Type.DELEGATE), intent, sessionAttributes, null);
  }

  /** Asks the user what they want to do; the prompt is required. */
  public static LexV2Response elicitIntent(Map<String, String> sessionAttributes, String message) {
    return elicitIntent(sessionAttributes, required(message, Type.ELICIT_INTENT));
  }

  public static LexV2Response elicitIntent(
      Map<String, String> sessionAttributes, List<Message> messages) {
    requireMessages(messages, Type.ELICIT_INTENT);
    return build(DialogAction.of(Type.ELICIT_INTENT), null, sessionAttributes, messages);
  }

  private static LexV2Response build(
      DialogAction action, Intent intent, Map<String, String> attrs, List<Message> messages) {
    List<Message> msgs = messages == null || messages.isEmpty() ? null : messages;
    if (msgs != null) {
      for (int i = 0; i < msgs.size(); i++) {
        checkMessage(msgs.get(i), i);
      }
    }
    if (attrs != null) {
      attrs.forEach(
          (k, v) -> {
            if (k == null || k.isEmpty() || v == null) {
              throw new IllegalArgumentException(
                  "session attributes need non-empty keys and non-null values; bad key: " + k);
            }
          });
    }
    SessionState state =
        new SessionState(
            null, attrs == null || attrs.isEmpty() ? null : attrs, null, action, intent, null);
    return new LexV2Response(state, msgs, null);
  }

  private static void checkMessage(Message m, int index) {
    String where = "messages[" + index + "]";
    if (m == null || m.contentType() == null) {
      throw new IllegalArgumentException(where + " needs a contentType");
    }
    if (m.contentType() == Message.ContentType.IMAGE_RESPONSE_CARD) {
      Message.ImageResponseCard card = m.imageResponseCard();
      if (card == null || card.title() == null || card.title().isBlank()) {
        throw new IllegalArgumentException(where + " is an ImageResponseCard without a card title");
      }
      if (card.buttons() != null) {
        if (card.buttons().size() > 5) {
          throw new IllegalArgumentException(where + ": a card has at most 5 buttons");
        }
        for (Message.Button b : card.buttons()) {
          if (b == null || blankOrLonger(b.text(), 50) || blankOrLonger(b.value(), 50)) {
            throw new IllegalArgumentException(
                where + ": button text and value need 1-50 characters");
          }
        }
      }
    } else if (blankOrLonger(m.content(), Message.MAX_CONTENT_LENGTH)) {
      throw new IllegalArgumentException(
          where
              + " ("
              + m.contentType()
              + ") needs content of 1-"
              + Message.MAX_CONTENT_LENGTH
              + " characters");
    }
  }

  private static boolean blankOrLonger(String s, int max) {
    return s == null || s.isBlank() || s.length() > max;
  }

  private static void requireIntent(Intent intent, Type type) {
    if (intent == null || intent.name() == null || intent.name().isBlank()) {
      throw new IllegalArgumentException(type + " needs the intent (with its name)");
    }
  }

  private static void requireMessages(List<Message> messages, Type type) {
    if (messages == null || messages.isEmpty()) {
      throw new IllegalArgumentException(type + " needs at least one message for the user");
    }
  }

  private static List<Message> optional(String text) {
    return text == null ? null : List.of(Message.plainText(text));
  }

  private static List<Message> required(String text, Type type) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(type + " needs a message for the user");
    }
    List<Message> l = new ArrayList<>();
    l.add(Message.plainText(text));
    return l;
  }
}
