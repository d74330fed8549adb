package com.cci.sim;

import com.cci.kinesis.StreamRecord;
import com.cci.kinesis.Streams;
import com.cci.schemas.Json;
import com.cci.sim.content.TranscriptFile;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a simulation to a directory:
 *
 * <pre>
 * &lt;out&gt;/ctr/part-00000.jsonl             one record per line, arrival order
 * &lt;out&gt;/contact-events/part-00000.jsonl
 * &lt;out&gt;/contact-lens/part-00000.jsonl
 * &lt;out&gt;/fulfillment/part-00000.jsonl
 * &lt;out&gt;/transcripts/&lt;relativeKey&gt;        post-call files
 * &lt;out&gt;/ground-truth/queue-minutes.jsonl, contacts.jsonl, qa-labels.jsonl, pii.jsonl,
 *                   lost-events.jsonl, scenario-events.jsonl
 * </pre>
 */
public final class DirectorySink implements SimulationSink {
  /** Sub-directories this sink owns (removed by {@link #clean(Path)}). */
  public static final List<String> OWNED =
      List.of(
          Streams.CTR,
          Streams.CONTACT_EVENTS,
          Streams.CONTACT_LENS,
          Streams.FULFILLMENT,
          "transcripts",
          "ground-truth");

  public static final String PART = "part-00000.jsonl";

  private static final int BUFFER = 1 << 20;

  private final Path out;
  private final Path transcripts;
  private final Map<String, Writer> streams = new LinkedHashMap<>();
  private final Writer queueMinutes;
  private final Writer contacts;
  private final Writer qaLabels;
  private final Writer pii;
  private final Writer lost;
  private final Writer scenarioEvents;
  private final Set<Path> createdDirs = new HashSet<>();
  private final ObjectWriter writer = Json.mapper().writer();
  private long files;

  /**
   * @param out output directory; must be empty or absent (see {@link #clean(Path)})
   */
  public DirectorySink(Path out) throws IOException {
    this.out = out;
    Files.createDirectories(out);
    try (Stream<Path> s = Files.list(out)) {
      List<String> present = s.map(p -> p.getFileName().toString()).sorted().toList();
      if (!present.isEmpty()) {
        throw new IllegalArgumentException(
            "output directory "
                + out
                + " is not empty ("
                + String.join(", ", present)
                + "); choose an empty directory or remove the previous output (--overwrite)");
      }
    }
    for (String s : Streams.INPUTS) {
      Path dir = Files.createDirectories(out.resolve(s));
      streams.put(s, open(dir.resolve(PART)));
    }
    transcripts = Files.createDirectories(out.resolve("transcripts"));
    Path gt = Files.createDirectories(out.resolve("ground-truth"));
    queueMinutes = open(gt.resolve("queue-minutes.jsonl"));
    contacts = open(gt.resolve("contacts.jsonl"));
    qaLabels = open(gt.resolve("qa-labels.jsonl"));
    pii = open(gt.resolve("pii.jsonl"));
    lost = open(gt.resolve("lost-events.jsonl"));
    scenarioEvents = open(gt.resolve("scenario-events.jsonl"));
  }

  /** Deletes the sub-directories a previous run wrote into {@code out}; leaves anything else. */
  public static void clean(Path out) throws IOException {
    for (String name : OWNED) {
      Path dir = out.resolve(name);
      if (Files.exists(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
    }
    Files.deleteIfExists(out.resolve("summary.txt"));
  }

  private static Writer open(Path p) throws IOException {
    return new BufferedWriter(
        new java.io.OutputStreamWriter(Files.newOutputStream(p), StandardCharsets.UTF_8), BUFFER);
  }

  @Override
  public void accept(StreamRecord record) {
    Writer w = streams.get(record.stream());
    if (w == null) {
      throw new IllegalArgumentException("record for unknown stream '" + record.stream() + "'");
    }
    line(w, record.json());
  }

  @Override
  public void accept(TranscriptFile file) {
    String key = file.relativeKey();
    Path target = transcripts.resolve(key).normalize();
    if (key.startsWith("/") || !target.startsWith(transcripts)) {
      throw new IllegalArgumentException("transcript key escapes the output directory: " + key);
    }
    try {
      Path dir = target.getParent();
      if (createdDirs.add(dir)) {
        Files.createDirectories(dir);
      }
      Files.writeString(target, file.json(), StandardCharsets.UTF_8);
      files++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write transcript " + target, e);
    }
  }

  @Override
  public void queueMinute(GroundTruth.QueueMinute row) {
    object(queueMinutes, row);
  }

  @Override
  public void contactOutcome(GroundTruth.ContactOutcome row) {
    object(contacts, row);
  }

  @Override
  public void qaLabels(GroundTruth.QaLabelRow row) {
    object(qaLabels, row);
  }

  @Override
  public void piiPlanting(GroundTruth.PiiRow row) {
    object(pii, row);
  }

  @Override
  public void lostEvent(GroundTruth.LostEvent row) {
    object(lost, row);
  }

  @Override
  public void scenarioEvent(GroundTruth.ScenarioMarker row) {
    object(scenarioEvents, row);
  }

  /** Transcript files written so far. */
  public long files() {
    return files;
  }

  public Path directory() {
    return out;
  }

  private void object(Writer w, Object row) {
    try {
      line(w, writer.writeValueAsString(row));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + row.getClass().getSimpleName(), e);
    }
  }

  private static void line(Writer w, String json) {
    try {
      w.write(json);
      w.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (Writer w :
        Stream.concat(
                streams.values().stream(),
                Stream.of(queueMinutes, contacts, qaLabels, pii, lost, scenarioEvents))
            .toList()) {
      try {
        w.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
