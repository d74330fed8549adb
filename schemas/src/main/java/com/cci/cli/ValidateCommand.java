package com.cci.cli;

import com.cci.schemas.SchemaKind;
import com.cci.schemas.validation.ContractValidator;
import com.cci.schemas.validation.ValidationResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./cci validate <kind> <file>}: exit 0 when every record is valid, 1 otherwise. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validate a file against the CCI data contract.",
      "The file is one JSON object (may be pretty-printed) or JSON Lines, one record per line.",
      "Exit code 0 when every record is valid, 1 when any is not (each violation is printed with"
          + " the record's file:line and the violated rule), 2 on usage errors."
    })
public final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "<kind>",
      description = "Record kind: ${COMPLETION-CANDIDATES}",
      completionCandidates = KindCandidates.class)
  String kind;

  @Parameters(index = "1", paramLabel = "<file>", description = "JSON or JSON Lines file")
  Path file;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SchemaKind k;
    try {
      k = SchemaKind.of(kind);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    if (!Files.isRegularFile(file)) {
      err.println("no such file: " + file);
      return 2;
    }
    List<ValidationResult> results = ContractValidator.shared().validateFile(k, file);
    long invalid = 0;
    for (ValidationResult r : results) {
      if (!r.valid()) {
        invalid++;
        out.println(r.describe());
      }
    }
    out.printf(
        "%s: %d record(s), %d valid, %d invalid (%s)%n",
        file, results.size(), results.size() - invalid, invalid, k.id());
    out.flush();
    return invalid == 0 ? 0 : 1;
  }

  /** Completion candidates / help text for the kind parameter. */
  static final class KindCandidates implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(SchemaKind.values()).map(SchemaKind::id).iterator();
    }
  }
}
