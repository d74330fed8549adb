package com.cci.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.validation.ContractValidator;
import com.cci.schemas.validation.ValidationResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture of every kind: valid ones validate, invalid ones are rejected. */
class ContractFixturesTest {
  private static final ContractValidator VALIDATOR = ContractValidator.shared();

  static Stream<Arguments> validFixtures() {
    List<Arguments> out = new ArrayList<>();
    for (SchemaKind kind : SchemaKind.values()) {
      for (Path p : Fixtures.valid(kind)) {
        out.add(Arguments.of(kind, p.getFileName().toString(), p));
      }
    }
    return out.stream();
  }

  static Stream<Arguments> invalidFixtures() {
    List<Arguments> out = new ArrayList<>();
    for (SchemaKind kind : SchemaKind.values()) {
      for (Path p : Fixtures.invalid(kind)) {
        out.add(Arguments.of(kind, p.getFileName().toString(), p));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} valid/{1}")
  @MethodSource("validFixtures")
  void validFixtureValidates(SchemaKind kind, String name, Path file) throws Exception {
    List<ValidationResult> results = VALIDATOR.validateFile(kind, file);
    assertThat(results).isNotEmpty();
    for (ValidationResult r : results) {
      assertThat(r.valid()).as(r.describe()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0} invalid/{1}")
  @MethodSource("invalidFixtures")
  void invalidFixtureIsRejected(SchemaKind kind, String name, Path file) throws Exception {
    List<ValidationResult> results = VALIDATOR.validateFile(kind, file);
    assertThat(results).isNotEmpty();
    assertThat(results)
        .allSatisfy(
            r -> {
              assertThat(r.valid()).as(name).isFalse();
              // every rejection names where and which rule
              assertThat(r.violations())
                  .allSatisfy(
                      v -> {
                        assertThat(v.path()).startsWith("$");
                        assertThat(v.rule()).isNotBlank();
                      });
            });
  }

  @Test
  void everyKindHasASchemaAndBothKindsOfFixtures() {
    for (SchemaKind kind : SchemaKind.values()) {
      assertThat(getClass().getClassLoader().getResource(kind.schemaResource()))
          .as("schema for %s", kind)
          .isNotNull();
      assertThat(Fixtures.valid(kind)).as("valid fixtures for %s", kind).hasSizeGreaterThan(2);
      assertThat(Fixtures.invalid(kind)).as("invalid fixtures for %s", kind).hasSizeGreaterThan(2);
    }
  }
}
