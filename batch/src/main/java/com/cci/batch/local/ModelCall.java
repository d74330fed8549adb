package com.cci.batch.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A model request as the local Bedrock sees it, whichever API shape it came in: the Converse body
 * ({@code messages[].content[].text}, {@code system[].text}, {@code toolConfig}, {@code
 * inferenceConfig}) or the Anthropic Messages body used by InvokeModel and batch inference ({@code
 * anthropic_version}, {@code max_tokens}, {@code system}, {@code messages[].content} as a string or
 * {@code [{type:text,text}]}, {@code tools[{name,description,input_schema}]}, {@code
 * tool_choice{type:tool,name}}).
 *
 * @param shape which body shape the request had (the reply uses the same)
 * @param modelId model id from the path or the batch job
 * @param prompt the prompt text: system text, then every message's text, one block per line
 * @param toolName the tool the model must (or may) call, or null when the request has no tool
 * @param toolSchema that tool's JSON input schema, or null
 * @param maxTokens maxTokens / max_tokens, or the default when absent
 * @param requestChars characters of the prompt plus tool definitions (for token estimates)
 */
record ModelCall(
    Shape shape,
    String modelId,
    String prompt,
    String toolName,
    JsonNode toolSchema,
    int maxTokens,
    int requestChars) {

  /** The body shapes the local Bedrock understands. */
  enum Shape {
    CONVERSE,
    ANTHROPIC
  }

  static final int DEFAULT_MAX_TOKENS = 4096;

  /** Input tokens Bedrock would count for this request (about 4 characters a token). */
  int inputTokens() {
    return Tokens.estimate(requestChars);
  }

  /** Parses a Converse request body. */
  static ModelCall converse(String modelId, JsonNode body) {
    requireObject(body);
    StringBuilder prompt = new StringBuilder();
    for (JsonNode s : body.path("system")) {
      appendText(prompt, s.path("text"));
    }
    JsonNode messages = body.path("messages");
    if (!messages.isArray() || messages.isEmpty()) {
      throw AwsServiceError.validation(
          "1 validation error detected: Value at 'messages' failed to satisfy constraint: Member"
              + " must not be null and must have at least 1 element");
    }
    for (JsonNode m : messages) {
      for (JsonNode block : m.path("content")) {
        appendText(prompt, block.path("text"));
        JsonNode toolResult = block.path("toolResult");
        for (JsonNode c : toolResult.path("content")) {
          appendText(prompt, c.path("text"));
          if (c.has("json")) {
            appendText(prompt, c.get("json").toString());
          }
        }
        if (block.has("toolUse")) {
          appendText(prompt, block.path("toolUse").path("input").toString());
        }
      }
    }
    JsonNode toolConfig = body.path("toolConfig");
    List<JsonNode> specs = new ArrayList<>();
    for (JsonNode t : toolConfig.path("tools")) {
      if (t.has("toolSpec")) {
        specs.add(t.get("toolSpec"));
      }
    }
    String forced = toolConfig.path("toolChoice").path("tool").path("name").asText(null);
    JsonNode spec = pickTool(specs, forced);
    int maxTokens = body.path("inferenceConfig").path("maxTokens").asInt(DEFAULT_MAX_TOKENS);
    int chars = prompt.length() + toolConfig.toString().length();
    return new ModelCall(
        Shape.CONVERSE,
        modelId,
        prompt.toString(),
        spec == null ? null : spec.path("name").asText(),
        spec == null ? null : spec.path("inputSchema").path("json"),
        maxTokens,
        chars);
  }

  /** Parses an Anthropic Messages body (InvokeModel / batch inference for Claude models). */
  static ModelCall anthropic(String modelId, JsonNode body) {
    requireObject(body);
    if (!body.has("max_tokens")) {
      throw AwsServiceError.validation(
          "Malformed input request: #: required key [max_tokens] not found");
    }
    StringBuilder prompt = new StringBuilder();
    JsonNode system = body.path("system");
    if (system.isTextual()) {
      appendText(prompt, system);
    } else {
      for (JsonNode s : system) {
        appendText(prompt, s.path("text"));
      }
    }
    for (JsonNode m : body.path("messages")) {
      JsonNode content = m.path("content");
      if (content.isTextual()) {
        appendText(prompt, content);
      } else {
        for (JsonNode block : content) {
          appendText(prompt, block.path("text"));
          if (block.path("content").isTextual()) {
            appendText(prompt, block.path("content"));
          }
        }
      }
    }
    List<JsonNode> tools = new ArrayList<>();
    body.path("tools").forEach(tools::add);
    String forced =
        "tool".equals(body.path("tool_choice").path("type").asText())
            ? body.path("tool_choice").path("name").asText(null)
            : null;
    JsonNode tool = pickTool(tools, forced);
    int chars = prompt.length() + body.path("tools").toString().length();
    return new ModelCall(
        Shape.ANTHROPIC,
        modelId,
        prompt.toString(),
        tool == null ? null : tool.path("name").asText(),
        tool == null ? null : tool.path("input_schema"),
        body.path("max_tokens").asInt(DEFAULT_MAX_TOKENS),
        chars);
  }

  /** Parses a batch record's {@code modelInput}, Converse- or Anthropic-shaped. */
  static ModelCall batchInput(String modelId, JsonNode modelInput) {
    requireObject(modelInput);
    if (modelInput.has("anthropic_version") || modelInput.has("max_tokens")) {
      return anthropic(modelId, modelInput);
    }
    return converse(modelId, modelInput);
  }

  private static JsonNode pickTool(List<JsonNode> tools, String forced) {
    if (forced != null) {
      for (JsonNode t : tools) {
        if (forced.equals(t.path("name").asText())) {
          return t;
        }
      }
      throw AwsServiceError.validation(
          "The tool choice names tool '" + forced + "' which is not in the tool configuration.");
    }
    return tools.isEmpty() ? null : tools.get(0);
  }

  private static void requireObject(JsonNode body) {
    if (body == null || !(body instanceof ObjectNode)) {
      throw AwsServiceError.validation("The request body must be a JSON object.");
    }
  }

  private static void appendText(StringBuilder sb, JsonNode text) {
    if (text != null && text.isTextual()) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(text.asText());
    }
  }

  private static void appendText(StringBuilder sb, String text) {
    if (sb.length() > 0) {
      sb.append('\n');
    }
    sb.append(text);
  }
}
