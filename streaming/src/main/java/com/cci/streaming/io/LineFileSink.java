package com.cci.streaming.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;

/**
 * Writes each string as one line to a local file: {@code <dir>/<name>} for subtask 0, {@code
 * <dir>/<name without .jsonl>-<subtask>.jsonl} for others (use parallelism 1 for one file). The
 * file is created fresh (truncated) when the writer opens and is complete when the job ends
 * (flushed on end of input and on close). For bounded replay runs: no exactly-once commit protocol.
 */
public final class LineFileSink implements Sink<String> {
  private static final long serialVersionUID = 1L;

  private final String dir;
  private final String name;

  public LineFileSink(Path dir, String name) {
    this.dir = dir.toAbsolutePath().toString();
    this.name = name;
  }

  @Override
  @SuppressWarnings("deprecation")
  public SinkWriter<String> createWriter(InitContext context) throws IOException {
    int subtask = context.getSubtaskId();
    String file =
        subtask == 0 ? name : name.replaceFirst("\\.jsonl$", "") + "-" + subtask + ".jsonl";
    Path target = Path.of(dir).resolve(file);
    Files.createDirectories(target.getParent());
    return new Writer(
        Files.newBufferedWriter(
            target,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE));
  }

  private static final class Writer implements SinkWriter<String> {
    private final BufferedWriter out;

    Writer(BufferedWriter out) {
      this.out = out;
    }

    @Override
    public void write(String element, Context context) throws IOException {
      out.write(element);
      out.write('\n');
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      out.flush();
    }

    @Override
    public void close() {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
