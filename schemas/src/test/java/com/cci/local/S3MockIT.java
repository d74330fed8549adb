package com.cci.local;

import static com.cci.local.EmulatorAssertions.assertGone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

class S3MockIT {

  @Test
  void putGetListOnInitialBuckets_loopbackOnly_andTreeGoneAfterClose() throws Exception {
    List<ProcessHandle> tree;
    try (S3Mock s3 = new S3Mock("cci-raw", "cci-curated")) {
      s3.start();
      EmulatorAssertions.report(s3);
      tree = EmulatorAssertions.tree(s3);
      try (S3Client client = AwsClients.forEndpoints(null, null, s3.endpoint()).s3()) {
        assertThat(client.listBuckets().buckets())
            .extracting(Bucket::name)
            .contains("cci-raw", "cci-curated");
        client.putObject(
            b -> b.bucket("cci-raw").key("ctr/dt=2026-11-21/part-0001.json"),
            RequestBody.fromString("{\"ContactId\":\"c-1\"}\n"));
        client.putObject(
            b -> b.bucket("cci-raw").key("ctr/dt=2026-11-22/part-0001.json"),
            RequestBody.fromString("{\"ContactId\":\"c-2\"}\n"));
        client.putObject(
            b -> b.bucket("cci-raw").key("other/x.json"), RequestBody.fromString("{}"));
        assertThat(
                client
                    .getObjectAsBytes(
                        b -> b.bucket("cci-raw").key("ctr/dt=2026-11-21/part-0001.json"))
                    .asUtf8String())
            .isEqualTo("{\"ContactId\":\"c-1\"}\n");
        assertThat(client.listObjectsV2(b -> b.bucket("cci-raw").prefix("ctr/")).contents())
            .extracting(S3Object::key)
            .containsExactly(
                "ctr/dt=2026-11-21/part-0001.json", "ctr/dt=2026-11-22/part-0001.json");
        assertThatThrownBy(() -> client.getObjectAsBytes(b -> b.bucket("cci-raw").key("nope")))
            .isInstanceOf(NoSuchKeyException.class);
      }
      Optional<InetAddress> external = EmulatorAssertions.externalAddress();
      if (external.isPresent()) {
        assertThat(EmulatorAssertions.connects(external.get(), s3.endpoint().getPort()))
            .as("S3Mock's endpoint must not accept connections on %s", external.get())
            .isFalse();
      }
    }
    assertGone(tree);
  }

  @Test
  void rejectsInvalidBucketNames() {
    assertThatThrownBy(() -> new S3Mock("Bad_Bucket"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Bad_Bucket");
  }

  @Test
  void startTimeoutCarriesTheLogTail() {
    S3Mock s3 = new S3Mock("cci-raw");
    s3.startTimeout(java.time.Duration.ofMillis(300));
    assertThatThrownBy(s3::start)
        .isInstanceOf(EmulatorException.class)
        .hasMessageContaining("did not answer")
        .hasMessageContaining("s3mock-");
    assertThat(s3.isRunning()).isFalse();
  }
}
