package com.cci.batch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultSpecTest {

  @Test
  void parsesRatesPercentagesPeriodsAndSingleCalls() {
    FaultSpec s = FaultSpec.parse(" throttle=0.1, 503=5% ,hang@50,missing#3 ");
    assertThat(s.rules())
        .extracting(FaultSpec.Rule::fault)
        .containsExactly(Fault.THROTTLE, Fault.UNAVAILABLE, Fault.HANG, Fault.MISSING_CRITERION);
    assertThat(s.rules().get(1).rate()).isEqualTo(0.05);
    assertThat(s.faultFor(3)).isEqualTo(Fault.MISSING_CRITERION);
    assertThat(s.faultFor(4)).isNull();
    // call 10 and 50: throttle=0.1 fires too, and the first rule in the spec wins
    assertThat(s.faultFor(10)).isEqualTo(Fault.THROTTLE);
    assertThat(s.faultFor(50)).isEqualTo(Fault.THROTTLE);
    assertThat(FaultSpec.parse("hang@50").faultFor(100)).isEqualTo(Fault.HANG);
    assertThat(FaultSpec.parse("hang@50").faultFor(99)).isNull();
  }

  @Test
  void rateFiresExactlyFloorOfNTimesRate() {
    FaultSpec s = FaultSpec.parse("500=0.07");
    int fired = 0;
    for (int i = 1; i <= 1000; i++) {
      if (s.faultFor(i) != null) {
        fired++;
      }
    }
    assertThat(fired).isEqualTo(70);
    assertThat(FaultSpec.parse("text=1").faultFor(17)).isEqualTo(Fault.TEXT);
    assertThat(FaultSpec.parse("text=0").faultFor(17)).isNull();
    assertThat(FaultSpec.parse("").rules()).isEmpty();
    assertThat(FaultSpec.parse(null).faultFor(1)).isNull();
  }

  @Test
  void badSpecsSayWhatIsWrong() {
    assertThatThrownBy(() -> FaultSpec.parse("explode=0.1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown fault 'explode'")
        .hasMessageContaining("missing-criterion");
    assertThatThrownBy(() -> FaultSpec.parse("500=1.5"))
        .hasMessageContaining("rate must be between 0 and 1");
    assertThatThrownBy(() -> FaultSpec.parse("500@0")).hasMessageContaining("N must be 1");
    assertThatThrownBy(() -> FaultSpec.parse("500")).hasMessageContaining("expected fault=rate");
    assertThatThrownBy(() -> FaultSpec.parse("500=abc"))
        .hasMessageContaining("bad fault rule '500=abc'");
  }
}
