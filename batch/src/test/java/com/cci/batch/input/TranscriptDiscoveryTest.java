package com.cci.batch.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptDiscoveryTest {
  static final LocalDate DAY = LocalDate.of(2026, 11, 20);
  @TempDir Path root;
  final TranscriptDiscovery d = new TranscriptDiscovery(new Configuration());

  private void file(String key) throws IOException {
    Path p = root.resolve(key);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "{}");
  }

  @BeforeEach
  void layout() throws IOException {
    file("bank-a/Analysis/Voice/2026/11/20/c1_analysis_2026-11-20T10:00:00Z.json");
    file("bank-a/Analysis/Voice/Redacted/2026/11/20/c1_analysis_2026-11-20T10:00:00Z.json");
    file("bank-a/Analysis/Chat/2026/11/20/c2_analysis_2026-11-20T11:00:00Z.json");
    file("bank-a/tca/2026/11/20/c3.json");
    file("bank-a/Analysis/Voice/2026/11/21/c4_analysis_2026-11-21T10:00:00Z.json"); // other day
    file("bank-a/Analysis/Voice/2026/11/20/notes.txt"); // not json
    file("bank-b/Analysis/Voice/2026/11/20/c5_analysis_2026-11-20T09:00:00Z.json");
    file("Not_A_Tenant/Analysis/Voice/2026/11/20/c6_analysis_2026-11-20T09:00:00Z.json");
  }

  @Test
  void listsTheDayOfEveryTenantWithColonsInNames() {
    TranscriptDiscovery.Listing l = d.list(root.toString(), DAY, Optional.empty());
    assertThat(l.tenants()).containsExactly("bank-a", "bank-b");
    assertThat(l.files())
        .extracting(TranscriptDiscovery.FoundFile::key)
        .containsExactly(
            "bank-a/Analysis/Chat/2026/11/20/c2_analysis_2026-11-20T11:00:00Z.json",
            "bank-a/Analysis/Voice/2026/11/20/c1_analysis_2026-11-20T10:00:00Z.json",
            "bank-a/Analysis/Voice/Redacted/2026/11/20/c1_analysis_2026-11-20T10:00:00Z.json",
            "bank-a/tca/2026/11/20/c3.json",
            "bank-b/Analysis/Voice/2026/11/20/c5_analysis_2026-11-20T09:00:00Z.json");
    assertThat(l.bytes()).isEqualTo(5 * 2);
  }

  @Test
  void aTenantFilterListsOnlyThatTenant() throws IOException {
    TranscriptDiscovery.Listing l = d.list(root.toUri().toString(), DAY, Optional.of("bank-b"));
    assertThat(l.files()).hasSize(1);
    assertThat(l.files().get(0).read(new Configuration())).isEqualTo("{}".getBytes());
  }

  @Test
  void missingInputOrTenantIsAClearError() {
    assertThatThrownBy(() -> d.list(root.resolve("nope").toString(), DAY, Optional.empty()))
        .hasMessageContaining("is not a directory");
    assertThatThrownBy(() -> d.list(root.toString(), DAY, Optional.of("bank-z")))
        .hasMessageContaining("no folder for tenant 'bank-z'");
  }

  @Test
  void anEmptyDayIsEmpty() {
    assertThat(d.list(root.toString(), DAY.minusDays(5), Optional.empty()).files()).isEmpty();
  }

  @Test
  void localAndRemoteLocations() {
    assertThat(TranscriptDiscovery.isLocal("/tmp/x")).isTrue();
    assertThat(TranscriptDiscovery.isLocal("file:/tmp/x")).isTrue();
    assertThat(TranscriptDiscovery.isLocal("s3a://bucket/x")).isFalse();
  }
}
