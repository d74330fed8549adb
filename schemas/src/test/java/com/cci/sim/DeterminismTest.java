package com.cci.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.cli.Cci;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same scenario and seed give byte-identical output; another seed gives other output. */
class DeterminismTest {
  @TempDir Path tmp;

  private int simulate(Path out, long seed) {
    return Cci.run(
        "simulate",
        "--scenario",
        "incident",
        "--seed",
        Long.toString(seed),
        "--contacts",
        "400",
        "--out",
        out.toString());
  }

  @Test
  void sameSeedGivesByteIdenticalFiles() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    Path c = tmp.resolve("c");
    assertThat(simulate(a, 99)).isZero();
    assertThat(simulate(b, 99)).isZero();
    assertThat(simulate(c, 100)).isZero();
    List<Path> filesA = files(a);
    List<Path> filesB = files(b);
    assertThat(filesA).isEqualTo(filesB).hasSizeGreaterThan(20);
    for (Path rel : filesA) {
      if (rel.toString().equals("summary.txt")) {
        continue; // no wall-clock in it either, but it is not data
      }
      assertThat(Files.mismatch(a.resolve(rel), b.resolve(rel))).as(rel.toString()).isEqualTo(-1L);
    }
    assertThat(Files.readString(a.resolve("summary.txt")))
        .isEqualTo(Files.readString(b.resolve("summary.txt")));
    Path ctr = Path.of("ctr", DirectorySink.PART);
    assertThat(Files.mismatch(a.resolve(ctr), c.resolve(ctr))).isNotEqualTo(-1L);
  }

  @Test
  void contactIdsAreNameBasedOnTenantSeedAndSequence() {
    Ids ids = new Ids(5, "demo-tenant");
    assertThat(ids.contactId(0)).isEqualTo(new Ids(5, "demo-tenant").contactId(0));
    assertThat(ids.contactId(0)).isNotEqualTo(new Ids(5, "other").contactId(0));
    assertThat(ids.contactId(0)).isNotEqualTo(ids.contactId(1));
    assertThat(ids.contactId(0)).isNotEqualTo(new Ids(6, "demo-tenant").contactId(0));
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
