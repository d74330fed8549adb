package com.cci.streaming.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link IsoTimestamps} agrees with {@link Instant#parse} on every text, and is fast on ours. */
class IsoTimestampsTest {

  /** Instant.parse of the text, or null when it rejects the text. */
  private static Instant reference(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Fast path (when taken) equals Instant.parse exactly; parseEpochMillis agrees or throws. */
  private static void assertAgrees(String text) {
    Instant ref = reference(text);
    long fast = IsoTimestamps.fastEpochNanos(text);
    char[] padded = ("xx" + text + "yy").toCharArray();
    assertThat(IsoTimestamps.fastEpochNanos(padded, 2, text.length()))
        .as("char[] slice of %s", text)
        .isEqualTo(fast);
    if (fast != IsoTimestamps.NOT_FAST) {
      assertThat(ref).as("Instant.parse accepts what the fast path accepts: %s", text).isNotNull();
      assertThat(Math.floorDiv(fast, 1_000_000_000L)).as(text).isEqualTo(ref.getEpochSecond());
      assertThat(Math.floorMod(fast, 1_000_000_000L)).as(text).isEqualTo(ref.getNano());
      Instant i = IsoTimestamps.fastInstant(padded, 2, text.length());
      assertThat(i).as(text).isEqualTo(Instant.parse(text));
    }
    if (ref == null) {
      assertThatThrownBy(() -> IsoTimestamps.parseEpochMillis(text))
          .as(text)
          .isInstanceOf(DateTimeParseException.class);
    } else {
      assertThat(IsoTimestamps.parseEpochMillis(text)).as(text).isEqualTo(ref.toEpochMilli());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-20T15:00:02Z",
        "2026-11-20T15:00:02.165Z",
        "2026-11-20T15:00:02.1Z",
        "2026-11-20T15:00:02.123456789Z",
        "2026-11-20T15:00:02+00:00",
        "2026-11-20T15:00:02.165+00:00",
        "2024-02-29T23:59:59.999Z",
        "2000-02-29T00:00:00Z",
        "1970-01-01T00:00:00Z",
        "2261-12-31T23:59:59.999999999Z",
        "2026-12-31T23:59:59Z",
        "2026-01-01T00:00:00.000000000Z"
      })
  void ourFormatsTakeTheFastPathAndEqualInstantParse(String text) {
    assertThat(IsoTimestamps.fastEpochNanos(text)).as(text).isNotEqualTo(IsoTimestamps.NOT_FAST);
    assertAgrees(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-29T00:00:00Z", // not a leap year
        "2100-02-29T00:00:00Z", // century, not a leap year
        "2026-02-30T15:00:00Z",
        "2026-04-31T15:00:00Z",
        "2026-06-31T15:00:00Z",
        "2026-09-31T15:00:00Z",
        "2026-11-31T15:00:00Z",
        "2026-13-01T15:00:00Z",
        "2026-00-10T15:00:00Z",
        "2026-11-00T15:00:00Z",
        "2026-11-32T15:00:00Z",
        "2026-11-20T25:00:00Z",
        "2026-11-20T15:60:00Z",
        "2026-11-20T15:00:61Z",
        "2026-11-20T15:00:02",
        "2026-11-20T15:00:02.1234567890Z",
        "2026-11-20 15:00:02Z",
        "2026-11-20T15:00Z",
        "20/11/2026 15:05",
        "2026-11-20T15:00:02ZZ",
        "2026-11-20T15:00:02+0000",
        "2026-11-20T15:00:02+00:0",
        "2026-11-20T15:00:02.16x5Z",
        "2026-1a-20T15:00:02Z",
        "yesterday",
        ""
      })
  void invalidTextsAreRejectedLikeInstantParse(String text) {
    assertThat(IsoTimestamps.fastEpochNanos(text)).as(text).isEqualTo(IsoTimestamps.NOT_FAST);
    assertThat(reference(text)).as("Instant.parse rejects %s", text).isNull();
    assertAgrees(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-20t15:00:02z", // Instant.parse is case-insensitive
        "2026-11-20T15:00:02.Z", // an empty fraction
        "2026-11-20T15:00:02+01:00",
        "2026-11-20T15:00:02-00:00",
        "2026-11-20T15:00:02.5-05:30",
        "2026-11-20T23:59:60Z", // leap second
        "2026-11-20T24:00:00Z",
        "1969-12-31T23:59:59.999Z",
        "2262-01-01T00:00:00Z",
        "+12026-11-20T15:00:02Z",
        " 2026-11-20T15:00:02Z"
      })
  void otherFormsGoToTheSlowPathUnchanged(String text) {
    assertThat(IsoTimestamps.fastEpochNanos(text)).as(text).isEqualTo(IsoTimestamps.NOT_FAST);
    assertAgrees(text);
  }

  @Test
  void everyDayOfFourHundredYearsMatchesLocalDate() {
    LocalDate d = LocalDate.of(1970, 1, 1);
    LocalDate end = LocalDate.of(2262, 1, 1);
    int checked = 0;
    while (d.isBefore(end)) {
      assertThat(IsoTimestamps.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
          .as(d.toString())
          .isEqualTo(d.toEpochDay());
      assertThat(IsoTimestamps.isLeapYear(d.getYear())).isEqualTo(d.isLeapYear());
      d = d.plusDays(1);
      checked++;
    }
    assertThat(checked)
        .isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(1970, 1, 1), end));
  }

  @Test
  void randomRoundTripsEqualInstantParse() {
    Random rnd = new Random(20261120L);
    long minSec = 0;
    long maxSec = Instant.parse("2262-01-01T00:00:00Z").getEpochSecond() - 1;
    int fast = 0;
    for (int k = 0; k < 200_000; k++) {
      long sec = minSec + (long) (rnd.nextDouble() * (maxSec - minSec));
      int digits = rnd.nextInt(10);
      long nanos = digits == 0 ? 0 : rnd.nextInt(1_000_000_000);
      long unit = digits == 0 ? 1_000_000_000L : (long) Math.pow(10, 9 - digits);
      nanos = nanos / unit * unit;
      Instant t = Instant.ofEpochSecond(sec, nanos);
      String base = t.toString(); // ISO_INSTANT: Z, fraction in groups of 3 digits
      String text = withDigits(base, t, digits) + (rnd.nextBoolean() ? "Z" : "+00:00");
      long got = IsoTimestamps.fastEpochNanos(text);
      assertThat(got).as(text).isEqualTo(TimeUnit.SECONDS.toNanos(sec) + nanos);
      assertThat(IsoTimestamps.parseEpochMillis(text)).as(text).isEqualTo(t.toEpochMilli());
      assertAgrees(text);
      fast++;
    }
    assertThat(fast).isEqualTo(200_000);
  }

  @Test
  void randomMutationsAgreeWithInstantParse() {
    Random rnd = new Random(7);
    String alphabet = "0123456789-:T.Z+ tz9";
    String[] seeds = {
      "2026-11-20T15:00:02Z", "2026-11-20T15:00:02.165Z", "2024-02-29T23:59:59.123456+00:00"
    };
    int fastTaken = 0;
    for (int k = 0; k < 100_000; k++) {
      char[] c = seeds[rnd.nextInt(seeds.length)].toCharArray();
      int edits = 1 + rnd.nextInt(2);
      for (int e = 0; e < edits; e++) {
        c[rnd.nextInt(c.length)] = alphabet.charAt(rnd.nextInt(alphabet.length()));
      }
      String text = new String(c);
      if (IsoTimestamps.fastEpochNanos(text) != IsoTimestamps.NOT_FAST) {
        fastTaken++;
      }
      assertAgrees(text);
    }
    // Many single-digit mutations stay valid dates and must still take the fast path.
    assertThat(fastTaken).isGreaterThan(10_000);
  }

  @Test
  void parsersReadFastPathTimestampsAndRejectBadDatesWithTheSameReasons() throws Exception {
    CtrParser p = new CtrParser(com.cci.streaming.config.ParseSettings.defaults());
    long now = MalformedCorpusTest.NOW;
    String ok = MalformedCorpusTest.CTR_OK;
    assertThat(p.parse(ok.replace("15:05:00Z", "15:05:00.165+00:00"), now).lastUpdateMs)
        .isEqualTo(Instant.parse("2026-11-20T15:05:00.165Z").toEpochMilli());
    assertThat(p.parse(ok.replace("15:05:00Z", "15:05:00.123456789Z"), now).lastUpdateMs)
        .isEqualTo(Instant.parse("2026-11-20T15:05:00.123Z").toEpochMilli());
    // slow path, accepted as before: another offset
    assertThat(p.parse(ok.replace("15:05:00Z", "16:05:00+01:00"), now).lastUpdateMs)
        .isEqualTo(Instant.parse("2026-11-20T15:05:00Z").toEpochMilli());
    assertThatThrownBy(
            () -> p.parse(ok.replace("2026-11-20T15:05:00Z", "2026-02-30T15:05:00Z"), now))
        .isInstanceOf(RejectedRecordException.class)
        .hasMessage(
            "field 'LastUpdateTimestamp': cannot read 2026-02-30T15:05:00Z as an ISO-8601"
                + " timestamp");
    assertThatThrownBy(
            () -> p.parse(ok.replace("2026-11-20T15:05:00Z", "2026-11-20T15:65:00Z"), now))
        .isInstanceOf(RejectedRecordException.class)
        .hasMessage(
            "field 'LastUpdateTimestamp': cannot read 2026-11-20T15:65:00Z as an ISO-8601"
                + " timestamp");
  }

  /** {@code t} as yyyy-MM-ddTHH:mm:ss plus exactly {@code digits} fraction digits, no offset. */
  private static String withDigits(String isoInstant, Instant t, int digits) {
    String secs = isoInstant.substring(0, 19);
    if (digits == 0) {
      return secs;
    }
    String nine = String.format("%09d", t.getNano());
    return secs + "." + nine.substring(0, digits);
  }
}
