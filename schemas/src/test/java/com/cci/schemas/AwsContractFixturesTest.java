package com.cci.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.validation.ContractValidator;
import com.cci.schemas.validation.ValidationResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The AWS-shaped kinds' fixtures on their own (the same checks as {@link ContractFixturesTest},
 * which needs every kind's fixtures to exist), plus: every invalid record fails for a reason that
 * names a path, and at least three fixtures of each group exist.
 */
class AwsContractFixturesTest {
  static final Set<SchemaKind> AWS_KINDS =
      EnumSet.of(
          SchemaKind.CTR,
          SchemaKind.CONTACT_EVENT,
          SchemaKind.CONTACT_LENS_SEGMENT,
          SchemaKind.POST_CALL_TRANSCRIPT);

  private static final ContractValidator VALIDATOR = ContractValidator.shared();

  static Stream<Arguments> valid() {
    List<Arguments> out = new ArrayList<>();
    for (SchemaKind kind : AWS_KINDS) {
      assertThat(Fixtures.valid(kind)).as("valid fixtures of %s", kind).hasSizeGreaterThan(2);
      for (Path p : Fixtures.valid(kind)) {
        out.add(Arguments.of(kind, p.getFileName().toString(), p));
      }
    }
    return out.stream();
  }

  static Stream<Arguments> invalid() {
    List<Arguments> out = new ArrayList<>();
    for (SchemaKind kind : AWS_KINDS) {
      assertThat(Fixtures.invalid(kind)).as("invalid fixtures of %s", kind).hasSizeGreaterThan(2);
      for (Path p : Fixtures.invalid(kind)) {
        out.add(Arguments.of(kind, p.getFileName().toString(), p));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} valid/{1}")
  @MethodSource("valid")
  void validFixtureValidates(SchemaKind kind, String name, Path file) throws Exception {
    List<ValidationResult> results = VALIDATOR.validateFile(kind, file);
    assertThat(results).isNotEmpty();
    for (ValidationResult r : results) {
      assertThat(r.valid()).as(r.describe()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0} invalid/{1}")
  @MethodSource("invalid")
  void invalidFixtureIsRejected(SchemaKind kind, String name, Path file) throws Exception {
    List<ValidationResult> results = VALIDATOR.validateFile(kind, file);
    assertThat(results).isNotEmpty();
    for (ValidationResult r : results) {
      assertThat(r.valid()).as(name).isFalse();
      assertThat(r.violations()).allSatisfy(v -> assertThat(v.path()).startsWith("$"));
      System.out.println(r.describe());
    }
  }
}
