package com.cci.batch.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Finds the transcript files of one date under an input prefix: an {@code s3a://} (or {@code s3://}
 * on EMR) URI through the Hadoop file system, or a local directory through {@code java.nio}.
 * Connect names files {@code <contactId>_analysis_<2026-11-20T10:15:00Z>.json}: Hadoop's local file
 * system cannot list or open names with a colon, S3A can; hence the split.
 *
 * <p>Tenants are the first-level folders of the prefix; with a tenant filter only that one is
 * listed. Only {@code *.json} files directly in the day folders are returned ({@code
 * Analysis/Voice/Redacted} is its own folder, not under a day of {@code Analysis/Voice}).
 */
public final class TranscriptDiscovery {
  private final Configuration conf;

  public TranscriptDiscovery(Configuration conf) {
    this.conf = conf;
  }

  /** What was found: the tenants looked at and the files, sorted by key. */
  public record Listing(List<String> tenants, List<String> dayFolders, List<FoundFile> files) {
    public long bytes() {
      return files.stream().mapToLong(FoundFile::length).sum();
    }
  }

  /**
   * A transcript file.
   *
   * @param uri full URI ({@code file:/…} or {@code s3a://bucket/…})
   * @param key key relative to the input prefix
   * @param length bytes
   */
  public record FoundFile(String uri, String key, long length) implements Serializable {

    /** Reads the whole file. */
    public byte[] read(Configuration conf) throws IOException {
      URI u = URI.create(uri);
      if ("file".equals(u.getScheme())) {
        return Files.readAllBytes(Paths.get(u));
      }
      Path p = new Path(u);
      try (InputStream in = p.getFileSystem(conf).open(p)) {
        return in.readAllBytes();
      }
    }
  }

  /** True for a local directory (no scheme, or {@code file:}). */
  public static boolean isLocal(String location) {
    URI u = URI.create(location.replace(" ", "%20"));
    return u.getScheme() == null
        || "file".equals(u.getScheme())
        || location.matches("^[A-Za-z]:\\\\.*");
  }

  /**
   * Lists the files of {@code date} under {@code input}.
   *
   * @param tenant only this tenant, or empty for every tenant folder
   * @throws IllegalArgumentException when the input prefix or the tenant folder does not exist
   */
  public Listing list(String input, LocalDate date, Optional<String> tenant) {
    try {
      return isLocal(input) ? listLocal(input, date, tenant) : listHadoop(input, date, tenant);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + input + ": " + e.getMessage(), e);
    }
  }

  private Listing listLocal(String input, LocalDate date, Optional<String> tenant)
      throws IOException {
    java.nio.file.Path root =
        input.startsWith("file:") ? Paths.get(URI.create(input)) : Paths.get(input);
    root = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("input " + input + " is not a directory");
    }
    List<String> tenants = new ArrayList<>();
    if (tenant.isPresent()) {
      if (!Files.isDirectory(root.resolve(tenant.get()))) {
        throw new IllegalArgumentException(
            "no folder for tenant '" + tenant.get() + "' under " + input);
      }
      tenants.add(tenant.get());
    } else {
      TreeSet<String> names = new TreeSet<>();
      try (Stream<java.nio.file.Path> s = Files.list(root)) {
        s.filter(Files::isDirectory)
            .map(p -> p.getFileName().toString())
            .filter(n -> SourceKey.TENANT.matcher(n).matches())
            .forEach(names::add);
      }
      tenants.addAll(names);
    }
    List<String> days = new ArrayList<>();
    List<FoundFile> files = new ArrayList<>();
    for (String t : tenants) {
      for (SourceKey.Kind kind : SourceKey.Kind.values()) {
        String rel = t + "/" + kind.dayFolder(date);
        java.nio.file.Path day = root.resolve(rel);
        if (!Files.isDirectory(day)) {
          continue;
        }
        days.add(day.toUri().toString());
        try (Stream<java.nio.file.Path> s = Files.list(day)) {
          for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) s::iterator) {
            if (Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json")) {
              files.add(
                  new FoundFile(p.toUri().toString(), rel + "/" + p.getFileName(), Files.size(p)));
            }
          }
        }
      }
    }
    files.sort((a, b) -> a.key().compareTo(b.key()));
    return new Listing(List.copyOf(tenants), List.copyOf(days), List.copyOf(files));
  }

  private Listing listHadoop(String input, LocalDate date, Optional<String> tenant)
      throws IOException {
    Path root = new Path(input);
    FileSystem fs = root.getFileSystem(conf);
    if (!fs.exists(root)) {
      throw new IllegalArgumentException("input " + input + " does not exist");
    }
    Path qualifiedRoot = fs.makeQualified(root);
    List<String> tenants = new ArrayList<>();
    if (tenant.isPresent()) {
      if (!fs.exists(new Path(qualifiedRoot, tenant.get()))) {
        throw new IllegalArgumentException(
            "no folder for tenant '" + tenant.get() + "' under " + input);
      }
      tenants.add(tenant.get());
    } else {
      TreeSet<String> names = new TreeSet<>();
      for (FileStatus s : fs.listStatus(qualifiedRoot)) {
        if (s.isDirectory() && SourceKey.TENANT.matcher(s.getPath().getName()).matches()) {
          names.add(s.getPath().getName());
        }
      }
      tenants.addAll(names);
    }
    List<String> days = new ArrayList<>();
    List<FoundFile> files = new ArrayList<>();
    for (String t : tenants) {
      for (SourceKey.Kind kind : SourceKey.Kind.values()) {
        String rel = t + "/" + kind.dayFolder(date);
        Path day = new Path(qualifiedRoot, rel);
        if (!fs.exists(day)) {
          continue;
        }
        days.add(day.toString());
        for (FileStatus s : fs.listStatus(day)) {
          if (s.isFile() && s.getPath().getName().endsWith(".json")) {
            files.add(
                new FoundFile(
                    s.getPath().toUri().toString(), rel + "/" + s.getPath().getName(), s.getLen()));
          }
        }
      }
    }
    files.sort((a, b) -> a.key().compareTo(b.key()));
    return new Listing(List.copyOf(tenants), List.copyOf(days), List.copyOf(files));
  }
}
