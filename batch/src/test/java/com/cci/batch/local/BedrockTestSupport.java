package com.cci.batch.local;

import com.cci.schemas.qa.QaForm;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SpecificToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;

/** Clients and requests shaped as a scorer sends them. */
final class BedrockTestSupport {
  static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
  static final String TOOL = "record_qa_evaluation";
  static final QaForm FORM = QaForm.fromClasspath(QaForm.DEMO_DEFAULT_RESOURCE);

  private BedrockTestSupport() {}

  static BedrockRuntimeClient runtime(URI endpoint, Duration attemptTimeout) {
    return BedrockRuntimeClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)))
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .retryPolicy(RetryPolicy.none())
                .apiCallAttemptTimeout(attemptTimeout)
                .build())
        .build();
  }

  static BedrockRuntimeClient runtime(URI endpoint) {
    return runtime(endpoint, Duration.ofSeconds(20));
  }

  /** The tool input schema: criteria array with an enum of the form's ids, and a summary. */
  static Document toolSchema(List<String> criterionIds) {
    var ids = criterionIds.stream().map(Document::fromString).toList();
    Document criterion =
        Document.mapBuilder()
            .putString("type", "object")
            .putDocument(
                "properties",
                Document.mapBuilder()
                    .putDocument(
                        "criterionId",
                        Document.mapBuilder()
                            .putString("type", "string")
                            .putList("enum", ids)
                            .build())
                    .putDocument(
                        "answer",
                        Document.mapBuilder()
                            .putString("type", "string")
                            .putList(
                                "enum",
                                List.of(
                                    Document.fromString("PASSED"),
                                    Document.fromString("FAILED"),
                                    Document.fromString("NOT_APPLICABLE")))
                            .build())
                    .putDocument(
                        "justification", Document.mapBuilder().putString("type", "string").build())
                    .putDocument(
                        "evidenceTurnIds",
                        Document.mapBuilder()
                            .putString("type", "array")
                            .putDocument(
                                "items", Document.mapBuilder().putString("type", "string").build())
                            .build())
                    .build())
            .putList(
                "required",
                List.of(
                    Document.fromString("criterionId"),
                    Document.fromString("answer"),
                    Document.fromString("evidenceTurnIds")))
            .build();
    Document summary =
        Document.mapBuilder()
            .putString("type", "object")
            .putDocument(
                "properties",
                Document.mapBuilder()
                    .putDocument("issue", Document.mapBuilder().putString("type", "string").build())
                    .putDocument(
                        "resolution", Document.mapBuilder().putString("type", "string").build())
                    .putDocument(
                        "actionItems",
                        Document.mapBuilder()
                            .putString("type", "array")
                            .putDocument(
                                "items", Document.mapBuilder().putString("type", "string").build())
                            .build())
                    .putDocument(
                        "toneScore",
                        Document.mapBuilder()
                            .putString("type", "integer")
                            .putNumber("minimum", 0)
                            .putNumber("maximum", 100)
                            .build())
                    .putDocument(
                        "sentimentSummary",
                        Document.mapBuilder().putString("type", "string").build())
                    .build())
            .build();
    return Document.mapBuilder()
        .putString("type", "object")
        .putDocument(
            "properties",
            Document.mapBuilder()
                .putDocument(
                    "criteria",
                    Document.mapBuilder()
                        .putString("type", "array")
                        .putDocument("items", criterion)
                        .build())
                .putDocument("summary", summary)
                .build())
        .build();
  }

  static ConverseRequest request(String transcript, List<String> criterionIds, int maxTokens) {
    return ConverseRequest.builder()
        .modelId(MODEL)
        .system(SystemContentBlock.fromText("You are a QA evaluator for a bank's contact center."))
        .messages(
            Message.builder()
                .role(ConversationRole.USER)
                .content(
                    ContentBlock.fromText(
                        "Score this call.\n<transcript>\n" + transcript + "\n</transcript>"))
                .build())
        .toolConfig(
            ToolConfiguration.builder()
                .tools(
                    Tool.fromToolSpec(
                        ToolSpecification.builder()
                            .name(TOOL)
                            .description("Record the evaluation")
                            .inputSchema(ToolInputSchema.fromJson(toolSchema(criterionIds)))
                            .build()))
                .toolChoice(ToolChoice.fromTool(SpecificToolChoice.builder().name(TOOL).build()))
                .build())
        .inferenceConfig(c -> c.maxTokens(maxTokens).temperature(0f))
        .build();
  }

  static ConverseRequest request(String transcript) {
    return request(
        transcript, FORM.allCriteria().stream().map(QaForm.Criterion::id).toList(), 2000);
  }

  /** A call where the agent greets, empathises, resolves, checks satisfaction and discloses. */
  static final String GOOD_CALL =
      String.join(
          "\n",
          "[t1] AGENT: Thank you for calling First Bank, my name is Sam. This call may be recorded for quality.",
          "[t2] CUSTOMER: Hi, there is a charge on my card I didn't make and I'm worried.",
          "[t3] AGENT: I'm sorry to hear that, I understand how worrying that is. Can you tell me which card?",
          "[t4] CUSTOMER: The one ending in the travel card.",
          "[t5] AGENT: I've blocked the card and a new one is on its way. You'll receive it within five to seven business days.",
          "[t6] AGENT: Is there anything else I can help with?",
          "[t7] CUSTOMER: No, thanks.",
          "[t8] AGENT: Thank you for banking with us, have a great day.");

  /** A call where the agent does none of the labelled behaviours. */
  static final String POOR_CALL =
      String.join(
          "\n",
          "[c1] AGENT: Card services.",
          "[c2] CUSTOMER: This is unacceptable, my card was declined again and I want to speak to a manager.",
          "[c3] AGENT: The system shows a block. You need to visit a branch.",
          "[c4] CUSTOMER: That does not solve anything.",
          "[c5] AGENT: Bye.");
}
