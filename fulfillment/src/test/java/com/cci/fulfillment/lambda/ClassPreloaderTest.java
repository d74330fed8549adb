package com.cci.fulfillment.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.fulfillment.bank.BankModels;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerFactory;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.deser.DeserializerFactory;
import com.fasterxml.jackson.databind.ser.DefaultSerializerProvider;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The cold-start preloader must warm every core-banking wire type a first turn of any intent can
 * (de)serialize — not only CheckBalance's (the P7 turn). Fails when a type is added to {@link
 * BankModels} that the derivation does not reach.
 */
class ClassPreloaderTest {
  private static final TypeFactory TYPES = TypeFactory.defaultInstance();

  private static Set<Class<?>> readRecords() {
    Set<Class<?>> out = new HashSet<>();
    for (JavaType t : ClassPreloader.bankReads(TYPES)) {
      if (t.getRawClass() == BankModels.Page.class) {
        out.add(t.containedType(0).getRawClass());
      } else {
        out.add(t.getRawClass());
      }
    }
    return out;
  }

  @Test
  void everyTypeNestedInBankModelsIsWarmed() {
    Set<Class<?>> reads = readRecords();
    Set<Class<?>> writes = new HashSet<>(ClassPreloader.bankWrites());
    Set<Class<?>> covered = new HashSet<>(reads);
    covered.addAll(writes);
    // enums come with the records that hold them
    Set<Class<?>> enumsOfCovered = new HashSet<>();
    for (Class<?> r : covered) {
      for (RecordComponent c : r.getRecordComponents()) {
        if (c.getType().isEnum()) {
          enumsOfCovered.add(c.getType());
        }
      }
    }
    for (Class<?> nested : BankModels.class.getDeclaredClasses()) {
      if (nested == BankModels.Page.class) {
        assertThat(ClassPreloader.bankReads(TYPES))
            .as("list answers are read as Page<X>")
            .anyMatch(t -> t.getRawClass() == BankModels.Page.class);
      } else if (nested.isEnum()) {
        assertThat(enumsOfCovered).as("enum %s held by a warmed record", nested).contains(nested);
      } else {
        assertThat(covered)
            .as("%s warmed by the preloader", nested.getSimpleName())
            .contains(nested);
      }
    }
  }

  @Test
  void coversTheModelsOfEveryIntentNotOnlyCheckBalance() {
    assertThat(readRecords())
        .contains(
            BankModels.TransferResult.class,
            BankModels.ContactUpdateResult.class,
            BankModels.AccountFreeze.class,
            BankModels.DisputeCase.class,
            BankModels.Card.class,
            BankModels.Transaction.class,
            BankModels.PinVerification.class,
            BankModels.ApiError.class);
    assertThat(ClassPreloader.bankReads(TYPES))
        .contains(
            TYPES.constructParametricType(BankModels.Page.class, BankModels.Account.class),
            TYPES.constructParametricType(BankModels.Page.class, BankModels.Transaction.class),
            TYPES.constructParametricType(BankModels.Page.class, BankModels.Card.class),
            TYPES.constructParametricType(BankModels.Page.class, BankModels.Loan.class));
    assertThat(ClassPreloader.bankWrites())
        .containsExactlyInAnyOrder(
            BankModels.TransferRequest.class,
            BankModels.ContactUpdate.class,
            BankModels.FreezeRequest.class,
            BankModels.DisputeRequest.class);
    // request bodies are only written, never read by the client
    assertThat(readRecords()).doesNotContainAnyElementsOf(ClassPreloader.bankWrites());
  }

  @Test
  void checkBalanceTypesComeFirst() {
    List<JavaType> reads = ClassPreloader.bankReads(TYPES);
    assertThat(reads.subList(0, 6))
        .containsExactly(
            TYPES.constructType(BankModels.Customer.class),
            TYPES.constructType(BankModels.Account.class),
            TYPES.constructType(BankModels.Balance.class),
            TYPES.constructType(BankModels.Loan.class),
            TYPES.constructType(BankModels.PinVerification.class),
            TYPES.constructParametricType(BankModels.Page.class, BankModels.Account.class));
    assertThat(reads).doesNotHaveDuplicates();
  }

  /** Exposes the deserializer cache, which Jackson shares with every context it derives. */
  private static final class CountingContext extends DefaultDeserializationContext {
    CountingContext() {
      super(BeanDeserializerFactory.instance, null);
    }

    private CountingContext(CountingContext src, DeserializerFactory factory) {
      super(src, factory);
    }

    private CountingContext(
        CountingContext src, DeserializationConfig config, JsonParser p, InjectableValues values) {
      super(src, config, p, values);
    }

    private CountingContext(CountingContext src, DeserializationConfig config) {
      super(src, config);
    }

    @Override
    public DefaultDeserializationContext with(DeserializerFactory factory) {
      return new CountingContext(this, factory);
    }

    @Override
    public DefaultDeserializationContext createInstance(
        DeserializationConfig config, JsonParser p, InjectableValues values) {
      return new CountingContext(this, config, p, values);
    }

    @Override
    public DefaultDeserializationContext createDummyInstance(DeserializationConfig config) {
      return new CountingContext(this, config);
    }

    int cached() {
      return _cache.cachedDeserializersCount();
    }
  }

  @Test
  void warmBuildsAndCachesEveryReaderAndWriter() throws Exception {
    CountingContext deserializers = new CountingContext();
    ObjectMapper mapper = new ObjectMapper(null, null, deserializers).findAndRegisterModules();
    DefaultSerializerProvider serializers =
        (DefaultSerializerProvider) mapper.getSerializerProvider();
    long records =
        ClassPreloader.bankReads(TYPES).stream()
            .filter(t -> t.getRawClass() != BankModels.Page.class)
            .count();

    int warmed = ClassPreloader.warm(mapper);

    assertThat(warmed)
        .isEqualTo(1 + ClassPreloader.bankReads(TYPES).size() + ClassPreloader.bankWrites().size());
    // one cached bean deserializer per record read (plus those of their enums / nested values)
    assertThat(deserializers.cached()).isGreaterThanOrEqualTo((int) records);
    // the Lex response's and one per request body (plus their nested values)
    assertThat(serializers.cachedSerializersCount())
        .isGreaterThanOrEqualTo(1 + ClassPreloader.bankWrites().size());
    int before = deserializers.cached();
    int serializersBefore = serializers.cachedSerializersCount();
    ClassPreloader.warm(mapper);
    assertThat(deserializers.cached())
        .as("second warm-up finds everything cached")
        .isEqualTo(before);
    assertThat(serializers.cachedSerializersCount()).isEqualTo(serializersBefore);
  }
}
