package com.cci.batch.local;

import com.cci.schemas.qa.QaForm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local model: answers a {@link ModelCall} with a tool use (or text when the request has no
 * tool) derived from the transcript in the prompt, and applies content faults to the answer.
 */
final class ModelResponder {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /**
   * A model reply (or a batch record error).
   *
   * @param shape request body shape the reply renders as
   * @param toolName the tool used, null for a text reply
   * @param toolInput the tool input (an object, or a string for malformed/truncated faults)
   * @param text the text reply when there is no tool use
   * @param stopReason Converse stop reason ({@code tool_use}, {@code end_turn}, {@code max_tokens})
   * @param inputTokens input tokens (from the request's size)
   * @param outputTokens output tokens (from the reply's size)
   * @param errorCode for batch records answered with an error: its HTTP-like code, else 0
   * @param errorMessage the error's message, else null
   */
  record Reply(
      ModelCall.Shape shape,
      String toolName,
      JsonNode toolInput,
      String text,
      String stopReason,
      int inputTokens,
      int outputTokens,
      int errorCode,
      String errorMessage) {

    static Reply error(int code, String message) {
      return new Reply(null, null, null, null, null, 0, 0, code, message);
    }

    boolean isError() {
      return errorCode != 0;
    }

    /** The Converse response body. */
    ObjectNode converseBody(long latencyMs) {
      ObjectNode root = F.objectNode();
      ObjectNode message = root.putObject("output").putObject("message");
      message.put("role", "assistant");
      ArrayNode content = message.putArray("content");
      if (toolName != null) {
        ObjectNode use = content.addObject().putObject("toolUse");
        use.put("toolUseId", toolUseId());
        use.put("name", toolName);
        use.set("input", toolInput);
      } else {
        content.addObject().put("text", text);
      }
      root.put("stopReason", stopReason);
      ObjectNode usage = root.putObject("usage");
      usage.put("inputTokens", inputTokens);
      usage.put("outputTokens", outputTokens);
      usage.put("totalTokens", inputTokens + outputTokens);
      root.putObject("metrics").put("latencyMs", latencyMs);
      return root;
    }

    /** The Anthropic Messages response body (InvokeModel, batch output for Claude). */
    ObjectNode anthropicBody(String modelId) {
      ObjectNode root = F.objectNode();
      root.put("id", "msg_bdrk_" + Integer.toHexString(System.identityHashCode(this)));
      root.put("type", "message");
      root.put("role", "assistant");
      root.put("model", modelId);
      ArrayNode content = root.putArray("content");
      if (toolName != null) {
        ObjectNode use = content.addObject();
        use.put("type", "tool_use");
        use.put("id", toolUseId());
        use.put("name", toolName);
        use.set("input", toolInput);
      } else {
        content.addObject().put("type", "text").put("text", text);
      }
      root.put("stop_reason", stopReason);
      root.putNull("stop_sequence");
      ObjectNode usage = root.putObject("usage");
      usage.put("input_tokens", inputTokens);
      usage.put("output_tokens", outputTokens);
      return root;
    }

    /** The reply body in the request's own shape. */
    ObjectNode body(String modelId) {
      return shape == ModelCall.Shape.ANTHROPIC ? anthropicBody(modelId) : converseBody(0);
    }

    private String toolUseId() {
      return "tooluse_" + Integer.toHexString(Math.abs((toolName + toolInput).hashCode()));
    }
  }

  private final AnswerDeriver deriver;

  ModelResponder(List<QaForm> forms) {
    this.deriver = new AnswerDeriver(forms);
  }

  Reply reply(ModelCall call, Fault fault) {
    TranscriptView transcript = TranscriptView.of(call.prompt());
    List<String> ids =
        call.toolSchema() == null
            ? List.of()
            : ToolInputWriter.criterionIdsFromSchema(call.toolSchema());
    Map<String, PromptCriteria.Entry> listed = PromptCriteria.parse(call.prompt());
    if (ids.isEmpty()) {
      ids = new ArrayList<>(listed.keySet());
    }
    if (ids.isEmpty()) {
      ids = ToolInputWriter.criterionIdsFromPrompt(call.prompt(), deriver.knownCriteria().keySet());
    }
    AnswerDeriver.Answers answers = deriver.derive(ids, transcript, listed);
    ToolInputWriter.Written w;
    if (call.toolSchema() != null) {
      w = ToolInputWriter.write(call.toolSchema(), answers);
    } else {
      w = new ToolInputWriter.Written();
      w.root = ToolInputWriter.defaultLayout(answers);
      w.criteria = w.root.path("criteria");
      w.criterionIdField = "criterionId";
    }
    if (fault != null) {
      ContentFaults.apply(fault, w, transcript);
    }
    String json = w.root.toString();
    int input = call.inputTokens();
    int output = Tokens.estimate(json) + 12;
    boolean truncated = fault == Fault.TRUNCATED || output > call.maxTokens();
    if (truncated) {
      int keepTokens = Math.min(call.maxTokens(), Math.max(1, output * 6 / 10));
      String cut = json.substring(0, Math.min(json.length(), keepTokens * 4));
      if (call.toolName() == null) {
        return new Reply(call.shape(), null, null, cut, "max_tokens", input, keepTokens, 0, null);
      }
      return new Reply(
          call.shape(),
          call.toolName(),
          F.textNode(cut),
          null,
          "max_tokens",
          input,
          keepTokens,
          0,
          null);
    }
    if (call.toolName() == null || fault == Fault.TEXT) {
      String text = "Here is my evaluation of the call.\n\n```json\n" + json + "\n```\n";
      return new Reply(
          call.shape(), null, null, text, "end_turn", input, Tokens.estimate(text), 0, null);
    }
    if (fault == Fault.MALFORMED) {
      String text = "```json\n" + json + "\n```\nI have evaluated every criterion.";
      return new Reply(
          call.shape(),
          call.toolName(),
          F.textNode(text),
          null,
          "tool_use",
          input,
          Tokens.estimate(text),
          0,
          null);
    }
    return new Reply(
        call.shape(), call.toolName(), w.root, null, "tool_use", input, output, 0, null);
  }

  /** Content faults: break the written answer where the scorer's validation must catch it. */
  static final class ContentFaults {
    private ContentFaults() {}

    static void apply(Fault fault, ToolInputWriter.Written w, TranscriptView t) {
      switch (fault) {
        case MISSING_CRITERION -> {
          if (w.criteria instanceof ArrayNode a && !a.isEmpty()) {
            a.remove(a.size() - 1);
          } else if (w.criteria instanceof ObjectNode o && o.size() > 0) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            o.remove(names.get(names.size() - 1));
          }
        }
        case EXTRA_CRITERION -> {
          if (w.criteria instanceof ArrayNode a && !a.isEmpty()) {
            JsonNode copy = a.get(0).deepCopy();
            if (copy instanceof ObjectNode o && w.criterionIdField != null) {
              o.put(w.criterionIdField, "not-on-the-form");
            }
            a.add(copy);
          } else if (w.criteria instanceof ObjectNode o && o.size() > 0) {
            o.set("not-on-the-form", o.elements().next().deepCopy());
          }
        }
        case OUT_OF_RANGE -> {
          ToolInputWriter.Bounded b =
              w.bounded.stream()
                  .filter(ToolInputWriter.Bounded::tone)
                  .findFirst()
                  .orElse(w.bounded.isEmpty() ? null : w.bounded.get(0));
          if (b != null) {
            b.parent().put(b.field(), b.tone() ? 150 : (long) (b.max() + 50));
          } else if (w.root instanceof ObjectNode o) {
            o.put("toneScore", 150);
          }
        }
        case BAD_EVIDENCE -> {
          boolean done = false;
          for (ArrayNode a : w.evidence) {
            if (!a.isEmpty() && a.get(0).isTextual()) {
              a.set(0, F.textNode("turn-does-not-exist-999"));
              done = true;
            }
          }
          if (!done && !w.evidence.isEmpty()) {
            w.evidence.get(0).add("turn-does-not-exist-999");
          }
        }
        default -> {
          // MALFORMED, TRUNCATED and TEXT change how the answer is sent, not its content
        }
      }
    }
  }
}
