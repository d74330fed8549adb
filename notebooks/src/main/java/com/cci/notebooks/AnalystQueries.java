package com.cci.notebooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads the analysts' queries ({@code notebooks/queries/*.sql}): each file starts with a header of
 * {@code -- Key: value} comment lines (a {@code --} line without a key continues the previous
 * value) and then holds one SQL statement. The header must give {@value #QUESTION}, {@value
 * #TABLES}, {@value #PARAMETERS} and {@value #GRAIN}, and the declared parameters must be exactly
 * the {@code ${name}} placeholders the SQL uses. Anything else is rejected with the file's name.
 */
public final class AnalystQueries {
  public static final String QUESTION = "Question";
  public static final String TABLES = "Tables";
  public static final String PARAMETERS = "Parameters";
  public static final String GRAIN = "Grain";

  /** Header fields every query must have. */
  public static final List<String> REQUIRED = List.of(QUESTION, TABLES, PARAMETERS, GRAIN);

  private static final Pattern FIELD = Pattern.compile("--\\s*([A-Z][A-Za-z ]*):\\s*(.*)");

  private AnalystQueries() {}

  /** Every {@code *.sql} file of {@code dir}, sorted by name. */
  public static List<AnalystQuery> load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no query directory " + dir.toAbsolutePath());
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no .sql files in " + dir.toAbsolutePath());
    }
    List<AnalystQuery> out = new ArrayList<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      try {
        out.add(parse(name.substring(0, name.length() - ".sql".length()), Files.readString(f)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + f, e);
      }
    }
    return out;
  }

  /** The query named {@code name} in {@code dir} ({@code <dir>/<name>.sql}). */
  public static AnalystQuery load(Path dir, String name) {
    Path f = dir.resolve(name + ".sql");
    if (!Files.isRegularFile(f)) {
      throw new IllegalArgumentException(
          "no query " + name + " (" + f.toAbsolutePath() + "); queries: " + names(dir));
    }
    try {
      return parse(name, Files.readString(f, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f, e);
    }
  }

  private static List<String> names(Path dir) {
    return Files.isDirectory(dir) ? load(dir).stream().map(AnalystQuery::name).toList() : List.of();
  }

  /** Parses one query file's text. */
  public static AnalystQuery parse(String name, String text) {
    String[] lines = text.replace("\r\n", "\n").split("\n", -1);
    Map<String, String> header = new LinkedHashMap<>();
    String last = null;
    int i = 0;
    for (; i < lines.length; i++) {
      String line = lines[i].strip();
      if (!line.startsWith("--")) {
        break;
      }
      Matcher m = FIELD.matcher(line);
      if (m.matches()) {
        last = m.group(1).strip();
        if (header.containsKey(last)) {
          throw bad(name, "header field " + last + " appears twice");
        }
        header.put(last, m.group(2).strip());
      } else if (last != null) {
        String more = line.substring(2).strip();
        if (!more.isEmpty()) {
          header.put(last, (header.get(last) + " " + more).strip());
        }
      }
    }
    List<String> absent = new ArrayList<>();
    for (String k : REQUIRED) {
      if (header.getOrDefault(k, "").isBlank()) {
        absent.add(k);
      }
    }
    if (!absent.isEmpty()) {
      throw bad(
          name,
          "the header (leading '-- Key: value' lines) lacks "
              + absent
              + "; every query states "
              + REQUIRED);
    }
    String sql = String.join("\n", Arrays.asList(lines).subList(i, lines.length)).strip();
    while (sql.endsWith(";")) {
      sql = sql.substring(0, sql.length() - 1).strip();
    }
    if (sql.isEmpty()) {
      throw bad(name, "no SQL after the header");
    }
    if (sql.contains(";")) {
      throw bad(name, "one statement per file (found ';' inside the SQL)");
    }
    Set<String> used = new LinkedHashSet<>();
    Matcher m = AnalystQuery.PLACEHOLDER.matcher(sql);
    while (m.find()) {
      used.add(m.group(1));
    }
    if (m.replaceAll("").contains("${")) {
      throw bad(name, "a '${' that is not a ${lower_snake_name} placeholder");
    }
    String declaredText = header.get(PARAMETERS);
    Set<String> declared =
        declaredText.equalsIgnoreCase("none")
            ? Set.of()
            : new LinkedHashSet<>(
                list(declaredText).stream().map(p -> p.replaceAll("^\\$\\{|}$", "")).toList());
    if (!declared.equals(used)) {
      throw bad(
          name,
          "header Parameters "
              + new TreeSet<>(declared)
              + " differ from the placeholders the SQL uses "
              + new TreeSet<>(used));
    }
    return new AnalystQuery(name, header, sql, used);
  }

  /** A comma-separated header value as a list; each item is cut at its first space. */
  static List<String> list(String value) {
    List<String> out = new ArrayList<>();
    for (String s : value.split(",")) {
      String t = s.strip();
      int sp = t.indexOf(' ');
      if (sp > 0) {
        t = t.substring(0, sp);
      }
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  private static IllegalArgumentException bad(String name, String why) {
    return new IllegalArgumentException("query " + name + ": " + why);
  }
}
