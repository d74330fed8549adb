package com.cci.batch.local;

import com.cci.local.AwsClients;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Bedrock batch inference on the local Bedrock: {@code CreateModelInvocationJob}, {@code
 * GetModelInvocationJob}, {@code ListModelInvocationJobs} and {@code StopModelInvocationJob}, as
 * the real control plane answers them.
 *
 * <p>A job reads the JSONL input ({@code {recordId, modelInput}} per line) from S3 — the {@code
 * s3Uri} is one {@code .jsonl} object or a prefix of them — answers every record as the model would
 * (Converse- or Anthropic-Messages-shaped {@code modelInput}), and writes, per input file, {@code
 * <output s3Uri>/<jobId>/<file>.out} with one line per record, {@code {recordId, modelInput,
 * modelOutput}} or {@code {recordId, modelInput, error{errorCode, errorMessage}}}, in shuffled
 * order (Bedrock does not keep the input order), plus {@code manifest.json.out} with the counts.
 * Fewer records than the model's minimum ({@link LocalBedrock.Options#minBatchRecords}) is a {@code
 * ValidationException} at create time. Status: {@code Submitted → InProgress → Completed} ({@code
 * Failed} when S3 fails; {@code Stopping → Stopped} on stop).
 */
final class BatchJobs implements AutoCloseable {
  private static final ObjectMapper M = LocalBedrock.mapper();
  private static final Pattern JOB_NAME =
      Pattern.compile("[a-zA-Z0-9]{1,63}(-*[a-zA-Z0-9\\+\\-\\.]){0,63}");
  private static final Pattern S3_URI = Pattern.compile("s3://([^/]+)/?(.*)");

  private final LocalBedrock bedrock;
  private final LocalBedrock.Options options;
  private final Map<String, Job> jobs = Collections.synchronizedMap(new LinkedHashMap<>());
  private final ExecutorService worker;
  private final AtomicLong records = new AtomicLong();
  private volatile S3Client s3;

  /** One job's state; guarded by its own monitor. */
  private static final class Job {
    String id;
    String arn;
    String name;
    String modelId;
    String roleArn;
    String clientRequestToken;
    JsonNode inputDataConfig;
    JsonNode outputDataConfig;
    Integer timeoutHours;
    List<String> inputKeys;
    String status;
    String message;
    Instant submitTime;
    Instant lastModifiedTime;
    Instant endTime;
    volatile boolean stopRequested;
  }

  BatchJobs(LocalBedrock bedrock, LocalBedrock.Options options) {
    this.bedrock = bedrock;
    this.options = options;
    this.worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "local-bedrock-batch");
              t.setDaemon(true);
              return t;
            });
  }

  long jobsCreated() {
    return jobs.size();
  }

  long recordsAnswered() {
    return records.get();
  }

  // ------------------------------------------------------------------ operations

  ObjectNode create(JsonNode body) {
    String name = required(body, "jobName");
    String roleArn = required(body, "roleArn");
    String modelId = required(body, "modelId");
    String inputUri =
        body.path("inputDataConfig").path("s3InputDataConfig").path("s3Uri").asText(null);
    String outputUri =
        body.path("outputDataConfig").path("s3OutputDataConfig").path("s3Uri").asText(null);
    if (inputUri == null) {
      throw AwsServiceError.validation("inputDataConfig.s3InputDataConfig.s3Uri is required");
    }
    if (outputUri == null) {
      throw AwsServiceError.validation("outputDataConfig.s3OutputDataConfig.s3Uri is required");
    }
    if (!JOB_NAME.matcher(name).matches()) {
      throw AwsServiceError.validation(
          "1 validation error detected: Value '"
              + name
              + "' at 'jobName' failed to satisfy"
              + " constraint: Member must satisfy regular expression pattern: "
              + JOB_NAME);
    }
    String token = body.path("clientRequestToken").asText(null);
    synchronized (jobs) {
      for (Job j : jobs.values()) {
        if (token != null && token.equals(j.clientRequestToken)) {
          return arnOnly(j); // idempotent retry of the same create
        }
        if (j.name.equals(name)) {
          throw new AwsServiceError(
              "ConflictException",
              400,
              "A model invocation job named " + name + " already exists.");
        }
      }
    }
    S3Location in = s3Location(inputUri, "inputDataConfig.s3InputDataConfig.s3Uri");
    s3Location(outputUri, "outputDataConfig.s3OutputDataConfig.s3Uri");
    List<String> keys = inputKeys(in);
    long count = 0;
    for (String key : keys) {
      count += readLines(in.bucket(), key).stream().filter(l -> !l.isBlank()).count();
    }
    if (count < options.minBatchRecords) {
      throw AwsServiceError.validation(
          "The input for model "
              + modelId
              + " has "
              + count
              + " records; batch inference needs at least "
              + options.minBatchRecords
              + " records per job. Use on-demand inference for smaller inputs.");
    }
    Job j = new Job();
    j.id = randomId();
    j.arn =
        "arn:aws:bedrock:"
            + options.region
            + ":"
            + LocalBedrock.ACCOUNT
            + ":model-invocation-job/"
            + j.id;
    j.name = name;
    j.modelId = modelId;
    j.roleArn = roleArn;
    j.clientRequestToken = token;
    j.inputDataConfig = body.get("inputDataConfig");
    j.outputDataConfig = body.get("outputDataConfig");
    j.timeoutHours =
        body.has("timeoutDurationInHours") ? body.get("timeoutDurationInHours").asInt() : null;
    j.inputKeys = keys;
    j.status = "Submitted";
    j.submitTime = now();
    j.lastModifiedTime = j.submitTime;
    jobs.put(j.id, j);
    worker.submit(() -> run(j));
    return arnOnly(j);
  }

  ObjectNode get(String identifier) {
    Job j = find(identifier);
    synchronized (j) {
      return describe(j, true);
    }
  }

  ObjectNode stop(String identifier) {
    Job j = find(identifier);
    synchronized (j) {
      if (!j.status.equals("Submitted")
          && !j.status.equals("InProgress")
          && !j.status.equals("Validating")) {
        throw new AwsServiceError(
            "ValidationException",
            400,
            "Job " + j.arn + " is " + j.status + " and cannot be stopped.");
      }
      j.stopRequested = true;
      setStatus(j, "Stopping", null);
    }
    return M.createObjectNode();
  }

  ObjectNode list(Map<String, String> q) {
    String status = q.get("statusEquals");
    String nameContains = q.get("nameContains");
    int max = q.containsKey("maxResults") ? Integer.parseInt(q.get("maxResults")) : 1000;
    int start = q.containsKey("nextToken") ? Integer.parseInt(q.get("nextToken")) : 0;
    boolean ascending = "Ascending".equals(q.get("sortOrder"));
    List<Job> all;
    synchronized (jobs) {
      all = new ArrayList<>(jobs.values());
    }
    all.sort(Comparator.comparing((Job j) -> j.submitTime));
    if (!ascending) {
      Collections.reverse(all);
    }
    List<Job> matching = new ArrayList<>();
    for (Job j : all) {
      synchronized (j) {
        if ((status == null || status.equals(j.status))
            && (nameContains == null || j.name.contains(nameContains))) {
          matching.add(j);
        }
      }
    }
    ObjectNode out = M.createObjectNode();
    ArrayNode summaries = out.putArray("invocationJobSummaries");
    int end = Math.min(matching.size(), start + max);
    for (int i = start; i < end; i++) {
      Job j = matching.get(i);
      synchronized (j) {
        summaries.add(describe(j, false));
      }
    }
    if (end < matching.size()) {
      out.put("nextToken", Integer.toString(end));
    }
    return out;
  }

  @Override
  public void close() {
    worker.shutdownNow();
    try {
      worker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (s3 != null) {
      s3.close();
    }
  }

  // ------------------------------------------------------------------ the job

  private void run(Job j) {
    try {
      if (!options.batchJobHold.isZero()) {
        Thread.sleep(options.batchJobHold.toMillis());
      }
      synchronized (j) {
        if (j.stopRequested) {
          setStatus(j, "Stopped", "Stopped before it started.");
          return;
        }
        setStatus(j, "InProgress", null);
      }
      S3Location in =
          s3Location(j.inputDataConfig.path("s3InputDataConfig").path("s3Uri").asText(), "input");
      S3Location out =
          s3Location(
              j.outputDataConfig.path("s3OutputDataConfig").path("s3Uri").asText(), "output");
      long total = 0;
      long ok = 0;
      long errors = 0;
      long inTokens = 0;
      long outTokens = 0;
      for (String key : j.inputKeys) {
        List<String> lines = new ArrayList<>();
        for (String line : readLines(in.bucket(), key)) {
          if (line.isBlank()) {
            continue;
          }
          if (j.stopRequested) {
            synchronized (j) {
              setStatus(j, "Stopped", "Stopped by request.");
            }
            return;
          }
          total++;
          ObjectNode result = answer(j.modelId, line);
          records.incrementAndGet();
          if (result.has("error")) {
            errors++;
          } else {
            ok++;
            JsonNode usage = result.path("modelOutput").path("usage");
            inTokens += usage.path("inputTokens").asLong(usage.path("input_tokens").asLong());
            outTokens += usage.path("outputTokens").asLong(usage.path("output_tokens").asLong());
          }
          lines.add(M.writeValueAsString(result));
        }
        Collections.shuffle(lines, new Random(j.id.hashCode() ^ key.hashCode()));
        String file = key.substring(key.lastIndexOf('/') + 1);
        put(
            out.bucket(),
            out.prefixWithSlash() + j.id + "/" + file + ".out",
            String.join("\n", lines) + "\n");
      }
      ObjectNode manifest = M.createObjectNode();
      manifest.put("totalRecordCount", total);
      manifest.put("processedRecordCount", ok + errors);
      manifest.put("successRecordCount", ok);
      manifest.put("errorRecordCount", errors);
      manifest.put("inputTokenCount", inTokens);
      manifest.put("outputTokenCount", outTokens);
      put(
          out.bucket(),
          out.prefixWithSlash() + j.id + "/manifest.json.out",
          M.writeValueAsString(manifest));
      synchronized (j) {
        setStatus(j, "Completed", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      synchronized (j) {
        setStatus(j, "Failed", "Batch job failed: " + e.getMessage());
      }
    }
  }

  /** One output line for one input line. */
  private ObjectNode answer(String modelId, String line) {
    ObjectNode out = M.createObjectNode();
    JsonNode record;
    try {
      record = M.readTree(line);
    } catch (IOException e) {
      out.set("modelInput", M.getNodeFactory().textNode(line));
      return error(out, 400, "Malformed record: not a JSON object: " + e.getMessage());
    }
    if (record.has("recordId")) {
      out.set("recordId", record.get("recordId"));
    }
    JsonNode input = record.get("modelInput");
    out.set("modelInput", input);
    if (input == null || !input.isObject()) {
      return error(out, 400, "Malformed record: modelInput is missing or not an object");
    }
    try {
      ModelResponder.Reply reply = bedrock.answerBatchRecord(ModelCall.batchInput(modelId, input));
      if (reply.isError()) {
        return error(out, reply.errorCode(), reply.errorMessage());
      }
      out.set("modelOutput", reply.body(modelId));
      return out;
    } catch (AwsServiceError e) {
      return error(out, e.status(), e.getMessage());
    }
  }

  private static ObjectNode error(ObjectNode out, int code, String message) {
    ObjectNode err = out.putObject("error");
    err.put("errorCode", code);
    err.put("errorMessage", message);
    return out;
  }

  // ------------------------------------------------------------------ helpers

  private ObjectNode arnOnly(Job j) {
    ObjectNode o = M.createObjectNode();
    o.put("jobArn", j.arn);
    return o;
  }

  private ObjectNode describe(Job j, boolean full) {
    ObjectNode o = M.createObjectNode();
    o.put("jobArn", j.arn);
    o.put("jobName", j.name);
    o.put("modelId", j.modelId);
    if (j.clientRequestToken != null) {
      o.put("clientRequestToken", j.clientRequestToken);
    }
    o.put("roleArn", j.roleArn);
    o.put("status", j.status);
    if (j.message != null) {
      o.put("message", j.message);
    }
    o.put("submitTime", iso(j.submitTime));
    o.put("lastModifiedTime", iso(j.lastModifiedTime));
    if (j.endTime != null) {
      o.put("endTime", iso(j.endTime));
    }
    o.set("inputDataConfig", j.inputDataConfig);
    o.set("outputDataConfig", j.outputDataConfig);
    if (j.timeoutHours != null) {
      o.put("timeoutDurationInHours", j.timeoutHours);
    }
    o.put(
        "jobExpirationTime",
        iso(j.submitTime.plus(j.timeoutHours == null ? 24 : j.timeoutHours, ChronoUnit.HOURS)));
    return o;
  }

  private void setStatus(Job j, String status, String message) {
    j.status = status;
    j.message = message;
    j.lastModifiedTime = now();
    if (status.equals("Completed") || status.equals("Failed") || status.equals("Stopped")) {
      j.endTime = j.lastModifiedTime;
    }
  }

  private Job find(String identifier) {
    String id = identifier.substring(identifier.lastIndexOf('/') + 1);
    Job j = jobs.get(id);
    if (j == null) {
      throw AwsServiceError.notFound(
          "The specified model invocation job " + identifier + " was not found.");
    }
    return j;
  }

  private static String required(JsonNode body, String field) {
    String v = body.path(field).asText(null);
    if (v == null || v.isBlank()) {
      throw AwsServiceError.validation(
          "1 validation error detected: Value null at '"
              + field
              + "' failed to satisfy constraint: Member must not be null");
    }
    return v;
  }

  /** A bucket and a key or prefix. */
  record S3Location(String bucket, String key) {
    String prefixWithSlash() {
      return key.isEmpty() || key.endsWith("/") ? key : key + "/";
    }
  }

  private static S3Location s3Location(String uri, String field) {
    var m = S3_URI.matcher(uri == null ? "" : uri);
    if (!m.matches()) {
      throw AwsServiceError.validation(field + " must be an s3:// URI, got '" + uri + "'");
    }
    return new S3Location(m.group(1), m.group(2));
  }

  private S3Client s3() {
    if (options.s3Endpoint == null) {
      throw AwsServiceError.validation(
          "this local Bedrock has no S3 endpoint for batch inference (Options.s3Endpoint / --s3-endpoint)");
    }
    if (s3 == null) {
      synchronized (this) {
        if (s3 == null) {
          s3 = AwsClients.forEndpoints(null, null, options.s3Endpoint).s3();
        }
      }
    }
    return s3;
  }

  private List<String> inputKeys(S3Location in) {
    try {
      if (in.key().endsWith(".jsonl")) {
        s3().headObject(b -> b.bucket(in.bucket()).key(in.key()));
        return List.of(in.key());
      }
      List<String> keys = new ArrayList<>();
      String token = null;
      do {
        String t = token;
        ListObjectsV2Response r =
            s3().listObjectsV2(b -> b.bucket(in.bucket()).prefix(in.key()).continuationToken(t));
        for (S3Object o : r.contents()) {
          if (o.key().endsWith(".jsonl")) {
            keys.add(o.key());
          }
        }
        token = r.isTruncated() ? r.nextContinuationToken() : null;
      } while (token != null);
      if (keys.isEmpty()) {
        throw AwsServiceError.validation(
            "No .jsonl input found at s3://" + in.bucket() + "/" + in.key());
      }
      Collections.sort(keys);
      return keys;
    } catch (NoSuchKeyException e) {
      throw AwsServiceError.validation(
          "Input s3://" + in.bucket() + "/" + in.key() + " does not exist");
    } catch (S3Exception e) {
      throw AwsServiceError.validation(
          "Cannot read input s3://"
              + in.bucket()
              + "/"
              + in.key()
              + ": "
              + e.awsErrorDetails().errorMessage());
    }
  }

  private List<String> readLines(String bucket, String key) {
    try (ResponseInputStream<GetObjectResponse> in =
            s3().getObject(b -> b.bucket(bucket).key(key));
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read s3://" + bucket + "/" + key, e);
    }
  }

  private void put(String bucket, String key, String body) {
    s3().putObject(
            b -> b.bucket(bucket).key(key).contentType("application/json"),
            RequestBody.fromString(body));
  }

  private static String randomId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  private static String iso(Instant t) {
    return t.toString();
  }
}
