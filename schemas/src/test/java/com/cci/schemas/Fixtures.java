package com.cci.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The contract's shared fixtures: {@code fixtures/<kind>/valid/*.json} and {@code
 * fixtures/<kind>/invalid/*.json} in this module's test jar. Flink, Spark and webhook tests read
 * the same files through this class.
 */
public final class Fixtures {
  private Fixtures() {}

  public static List<Path> valid(SchemaKind kind) {
    return list(kind, "valid");
  }

  public static List<Path> invalid(SchemaKind kind) {
    return list(kind, "invalid");
  }

  /**
   * Reads one fixture by kind, group and file name, e.g. {@code read(CTR, "valid",
   * "voice-inbound.json")}.
   */
  public static String read(SchemaKind kind, String group, String fileName) {
    try {
      return Files.readString(dir(kind, group).resolve(fileName));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path dir(SchemaKind kind, String group) {
    String res = "fixtures/" + kind.id() + "/" + group;
    URL url = Fixtures.class.getClassLoader().getResource(res);
    if (url == null) {
      throw new IllegalStateException("no fixtures at classpath:" + res);
    }
    try {
      java.net.URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        // Other modules read the fixtures from this module's test-jar: open it as a zip file
        // system.
        synchronized (Fixtures.class) {
          try {
            java.nio.file.FileSystems.getFileSystem(uri);
          } catch (java.nio.file.FileSystemNotFoundException notYet) {
            java.nio.file.FileSystems.newFileSystem(uri, java.util.Map.of());
          }
        }
      }
      return Path.of(uri);
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot open fixtures at " + url, e);
    }
  }

  private static List<Path> list(SchemaKind kind, String group) {
    try (Stream<Path> files = Files.list(dir(kind, group))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
