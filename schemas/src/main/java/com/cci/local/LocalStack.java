package com.cci.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Any subset of the local emulators — kinesis-mock, DynamoDB Local, S3Mock — started together and
 * closed together, plus the environment variables that point child processes and {@code ./cci}
 * commands at the same endpoints.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder().kinesis().dynamodb().s3("raw", "curated").start()) {
 *   try (KinesisClient k = stack.clients().kinesis()) { ... }
 * }
 * }</pre>
 *
 * <p><b>Existing endpoints:</b> when {@code AWS_ENDPOINT_URL_KINESIS} / {@code
 * AWS_ENDPOINT_URL_DYNAMODB} / {@code AWS_ENDPOINT_URL_S3}, or the generic {@code
 * AWS_ENDPOINT_URL}, is set (and {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS} is not {@code true}),
 * that service is not started and the given endpoint is used instead — so the same commands run
 * against LocalStack or AWS. Buckets are only created on emulators started here; on an existing
 * endpoint they must exist.
 */
public final class LocalStack implements AutoCloseable {
  /** The services this class can provide. */
  public enum Service {
    KINESIS,
    DYNAMODB,
    S3;

    /** {@code AWS_ENDPOINT_URL_<SERVICE>}, the SDKs' service-specific endpoint variable. */
    public String endpointVariable() {
      return "AWS_ENDPOINT_URL_" + name().toUpperCase(Locale.ROOT);
    }
  }

  private final Map<Service, URI> endpoints;
  private final Map<Service, EmulatorProcess> started;

  private LocalStack(Map<Service, URI> endpoints, Map<Service, EmulatorProcess> started) {
    this.endpoints = endpoints;
    this.started = started;
  }

  /** For tests: a stack over given endpoints and already started processes. */
  static LocalStack of(Map<Service, URI> endpoints, Map<Service, EmulatorProcess> started) {
    return new LocalStack(new EnumMap<>(endpoints), new EnumMap<>(started));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The endpoint of a service, if it is part of this stack. */
  public Optional<URI> endpoint(Service s) {
    return Optional.ofNullable(endpoints.get(s));
  }

  /** Kinesis endpoint; fails if Kinesis was not requested. */
  public URI kinesisEndpoint() {
    return required(Service.KINESIS);
  }

  /** DynamoDB endpoint; fails if DynamoDB was not requested. */
  public URI dynamoDbEndpoint() {
    return required(Service.DYNAMODB);
  }

  /** S3 endpoint; fails if S3 was not requested. */
  public URI s3Endpoint() {
    return required(Service.S3);
  }

  private URI required(Service s) {
    URI u = endpoints.get(s);
    if (u == null) {
      throw new IllegalStateException(
          s
              + " is not part of this stack; add it with LocalStack.builder()."
              + s.name().toLowerCase(Locale.ROOT)
              + "()");
    }
    return u;
  }

  /** True when the service is an emulator started (and owned) by this stack. */
  public boolean isStartedHere(Service s) {
    return started.containsKey(s);
  }

  /** The emulator processes started by this stack. */
  public Map<Service, EmulatorProcess> processes() {
    return Map.copyOf(started);
  }

  /** True when every endpoint is an emulator started here (no external service involved). */
  public boolean allLocal() {
    return started.keySet().containsAll(endpoints.keySet());
  }

  /**
   * Environment variables for child processes and {@code ./cci} commands: one {@code
   * AWS_ENDPOINT_URL_<SERVICE>} per service, region {@code us-east-1}, and — only when every
   * endpoint is a local emulator — dummy access keys.
   */
  public Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    for (Map.Entry<Service, URI> e : endpoints.entrySet()) {
      env.put(e.getKey().endpointVariable(), e.getValue().toString());
    }
    if (allLocal()) {
      env.put("AWS_REGION", AwsClients.DEFAULT_REGION.id());
      env.put("AWS_DEFAULT_REGION", AwsClients.DEFAULT_REGION.id());
      env.put("AWS_ACCESS_KEY_ID", AwsClients.LOCAL_CREDENTIALS.accessKeyId());
      env.put("AWS_SECRET_ACCESS_KEY", AwsClients.LOCAL_CREDENTIALS.secretAccessKey());
    }
    return env;
  }

  /** SDK clients for this stack's endpoints (us-east-1 for local emulators). */
  public AwsClients clients() {
    AwsClients c =
        AwsClients.forEndpoints(
            endpoints.get(Service.KINESIS),
            endpoints.get(Service.DYNAMODB),
            endpoints.get(Service.S3));
    return allLocal() ? c.withRegion(AwsClients.DEFAULT_REGION) : c;
  }

  /** Stops every emulator started here, even when stopping one fails; rethrows the first error. */
  @Override
  public void close() {
    RuntimeException first = null;
    for (EmulatorProcess p : started.values()) {
      try {
        p.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public String toString() {
    return "LocalStack" + endpoints;
  }

  /** Chooses the services; {@link #start()} starts the ones without an existing endpoint. */
  public static final class Builder {
    private final Set<Service> services = new LinkedHashSet<>();
    private final Map<String, Integer> streams = new LinkedHashMap<>();
    private final Set<String> buckets = new LinkedHashSet<>();
    private EmulatorInstaller installer;
    private Map<String, String> environment = System.getenv();
    private Path logDir;

    private Builder() {}

    /** Adds kinesis-mock. */
    public Builder kinesis() {
      services.add(Service.KINESIS);
      return this;
    }

    /** Adds kinesis-mock with streams created at its start-up (see {@link KinesisMock}). */
    public Builder kinesis(Map<String, Integer> initialStreams) {
      streams.putAll(initialStreams);
      return kinesis();
    }

    /** Adds DynamoDB Local. */
    public Builder dynamodb() {
      services.add(Service.DYNAMODB);
      return this;
    }

    /** Adds S3Mock with these buckets. */
    public Builder s3(String... initialBuckets) {
      services.add(Service.S3);
      buckets.addAll(List.of(initialBuckets));
      return this;
    }

    /** Installer (cache directory) to use; default {@link EmulatorInstaller#defaults()}. */
    public Builder installer(EmulatorInstaller i) {
      this.installer = i;
      return this;
    }

    /** Environment consulted for existing endpoints; default the process environment. */
    public Builder environment(Map<String, String> env) {
      this.environment = Map.copyOf(env);
      return this;
    }

    /** Always start emulators, whatever {@code AWS_ENDPOINT_URL*} says. */
    public Builder ignoreEnvironment() {
      this.environment = Map.of();
      return this;
    }

    /** Log directory for the emulators. */
    public Builder logDir(Path dir) {
      this.logDir = dir;
      return this;
    }

    /** The existing endpoint for a service from the environment, if any. */
    Optional<URI> configuredEndpoint(Service s) {
      if ("true"
          .equalsIgnoreCase(environment.getOrDefault("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", ""))) {
        return Optional.empty();
      }
      for (String var : List.of(s.endpointVariable(), "AWS_ENDPOINT_URL")) {
        String v = environment.get(var);
        if (v != null && !v.isBlank()) {
          try {
            URI u = URI.create(v.trim());
            if (u.getScheme() == null || u.getHost() == null) {
              throw new IllegalArgumentException("no scheme or host");
            }
            return Optional.of(u);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                var + "='" + v + "' is not an endpoint URL like http://127.0.0.1:4566", e);
          }
        }
      }
      return Optional.empty();
    }

    /**
     * Starts the requested emulators in parallel and waits until each answers. If one fails, the
     * others are stopped and the first failure is thrown (later ones suppressed).
     */
    public LocalStack start() {
      if (services.isEmpty()) {
        throw new IllegalStateException("no service chosen: call kinesis(), dynamodb() or s3(...)");
      }
      EmulatorInstaller inst = installer != null ? installer : EmulatorInstaller.defaults();
      Map<Service, URI> endpoints = new EnumMap<>(Service.class);
      Map<Service, EmulatorProcess> toStart = new EnumMap<>(Service.class);
      for (Service s : services) {
        Optional<URI> existing = configuredEndpoint(s);
        if (existing.isPresent()) {
          endpoints.put(s, existing.get());
          continue;
        }
        EmulatorProcess p =
            switch (s) {
              case KINESIS -> {
                KinesisMock k = new KinesisMock(inst);
                streams.forEach(k::withStream);
                yield k;
              }
              case DYNAMODB -> new DynamoDbLocal(inst);
              case S3 -> new S3Mock(inst, buckets.toArray(String[]::new));
            };
        if (logDir != null) {
          p.logDir(logDir);
        }
        toStart.put(s, p);
      }
      ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, toStart.size()));
      try {
        Map<Service, Future<EmulatorProcess>> futures = new EnumMap<>(Service.class);
        toStart.forEach((s, p) -> futures.put(s, pool.submit(p::start)));
        RuntimeException failure = null;
        for (Map.Entry<Service, Future<EmulatorProcess>> f : futures.entrySet()) {
          try {
            f.getValue().get();
            endpoints.put(f.getKey(), toStart.get(f.getKey()).endpoint());
          } catch (ExecutionException e) {
            RuntimeException cause =
                e.getCause() instanceof RuntimeException re
                    ? re
                    : new EmulatorException(f.getKey() + " failed to start", e.getCause());
            if (failure == null) {
              failure = cause;
            } else {
              failure.addSuppressed(cause);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new EmulatorException("interrupted while starting the local stack", e);
            break;
          }
        }
        if (failure != null) {
          for (EmulatorProcess p : toStart.values()) {
            try {
              p.close();
            } catch (RuntimeException e) {
              failure.addSuppressed(e);
            }
          }
          throw failure;
        }
      } finally {
        pool.shutdownNow();
      }
      return new LocalStack(endpoints, toStart);
    }
  }
}
