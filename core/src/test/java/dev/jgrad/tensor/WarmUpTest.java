package dev.jgrad.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which width's vector kernels warm up, and when: only what a run announces or what its products repay. */
class WarmUpTest {
    /**
     * A float32 model's first epoch ran on plain loops while the float64 kernels, which it never runs, warmed beside
     * the float32 ones: announcing a dtype starts that width's warm-up alone, each width at most once.
     */
    @Test
    void announcingADtypeWarmsThatWidthAloneAndEachWidthOnce() {
        List<DType> started = new ArrayList<>();
        Kernels.registerWarmUp(started::add);
        Kernels.expect(128L * 784 * 128, DType.FLOAT32);
        assertThat(started).containsExactly(DType.FLOAT32);
        Kernels.expect(128L * 784 * 128, DType.FLOAT32);
        Kernels.expect(32L * 4 * 32, DType.FLOAT64);
        assertThat(started).as("again, and a product too small to repay it").containsExactly(DType.FLOAT32);
        Kernels.expect(128L * 784 * 128, DType.FLOAT64);
        assertThat(started).containsExactly(DType.FLOAT32, DType.FLOAT64);
    }
}
