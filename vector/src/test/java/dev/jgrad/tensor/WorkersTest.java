package dev.jgrad.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The JVM's worker threads and the vector kernel's warm-up: what they run, and when the warm-up starts. */
class WorkersTest {
    /**
     * Jobs published one after another, each taken by the caller and the workers that see it: every
     * part of every job runs once, and none is lost to a worker that slept through its wake-up (the
     * timeout only catches a hang).
     */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void jobsPublishedOneAfterAnotherRunEachPartOnce() {
        for (int threads : new int[] {2, 3}) {
            JvmKernels.Workers workers = new JvmKernels.Workers(threads);
            int jobs = 3000, parts = 5;
            AtomicIntegerArray runs = new AtomicIntegerArray(jobs * parts);
            for (int j = 0; j < jobs; j++) {
                int job = j;
                workers.run(parts, i -> runs.incrementAndGet(job * parts + i));
            }
            for (int i = 0; i < runs.length(); i++) {
                assertThat(runs.get(i)).as("%d threads, job %d, part %d", threads, i / parts, i % parts).isEqualTo(1);
            }
        }
    }

    /** A part's failure reaches the caller, and the workers take the next job as before. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aFailedPartFailsItsJobOnly() {
        JvmKernels.Workers workers = new JvmKernels.Workers(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> workers.run(4, i -> {
            if (i == 2) {
                throw new ArithmeticException("part 2");
            }
        })).hasRootCauseInstanceOf(ArithmeticException.class);
        AtomicIntegerArray runs = new AtomicIntegerArray(4);
        workers.run(4, runs::incrementAndGet);
        assertThat(runs.toString()).isEqualTo("[1, 1, 1, 1]");
    }

    /**
     * The warm-up's small products take every path of the vector kernel that W5's take: A and B
     * transposed, k past one KC block (the tile then starts from C), more rows than an MC
     * block of 96, ragged tiles, and the narrow kernels (C one or two vectors wide) with either transpose. Before, a square 48³ alone left them unprofiled, and the compiled
     * kernel was thrown away at W5's first product and ran interpreted until compiled again.
     */
    @Test
    void theWarmUpTakesTheKernelsTransposedAndMultiBlockPaths() {
        int[][] shapes = JvmKernels.Warmup.SHAPES;
        assertThat(java.util.List.of(shapes)).anyMatch(s -> s[3] == 1).anyMatch(s -> s[4] == 1).anyMatch(s -> s[2] > VectorGemm.KC)
                .anyMatch(s -> s[0] > 96).anyMatch(s -> s[0] % 8 != 0 && s[0] % 6 != 0).anyMatch(s -> s[1] % 32 != 0)
                .as("narrow, one vector wide").anyMatch(s -> s[1] <= NarrowGemm.WIDTH / 2 && s[3] == 1)
                .anyMatch(s -> s[1] <= NarrowGemm.WIDTH / 2 && s[4] == 1)
                .as("narrow, two float64 vectors wide").anyMatch(s -> twoVectors(s[1], NarrowGemm.WIDTH) && s[3] == 1)
                .anyMatch(s -> twoVectors(s[1], NarrowGemm.WIDTH) && s[3] == 0)
                .as("narrow, two float32 vectors wide").anyMatch(s -> twoVectors(s[1], NarrowFloatGemm.WIDTH) && s[3] == 1)
                .anyMatch(s -> twoVectors(s[1], NarrowFloatGemm.WIDTH) && s[3] == 0);
    }

    /**
     * In each width the blocked kernel (C wider than the narrow one's two vectors) is warmed on every
     * path W5's products take: A transposed (Aᵀ·G), B transposed (G·Wᵀ), a row of B that fills several
     * whole panels and a ragged one (784-128-10's n = 128), k past one KC block and more rows than an
     * MC block. The float32 kernel, 32 columns a panel, took no B transposed and no second panel before,
     * and its compiled packing was thrown away at W5's first backward product.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1})
    void theWarmUpTakesEveryPathOfTheBlockedKernelInEitherWidth(int float32) {
        int width = float32 == 1 ? NarrowFloatGemm.WIDTH : NarrowGemm.WIDTH;
        var blocked = java.util.Arrays.stream(JvmKernels.Warmup.SHAPES).filter(s -> s[1] > width).toList();
        assertThat(blocked).as("blocked, %d columns a panel", width).anyMatch(s -> s[3] == 1).anyMatch(s -> s[4] == 1)
                .anyMatch(s -> s[1] >= 2 * width && s[1] % width != 0 && s[4] == 0)
                .anyMatch(s -> s[1] >= 2 * width && s[4] == 1).anyMatch(s -> s[2] > VectorGemm.KC).anyMatch(s -> s[0] > 96);
    }

    private static boolean twoVectors(int n, int width) {
        return n > width / 2 && n <= width;
    }

    /**
     * The warm-up starts at a product of a million multiply-adds (W5's first: 128 × 128 × 784), or once
     * smaller ones add up to its cost; never for a small table's whole training (iris: 200 epochs of
     * 4 updates, each 3 products of at most 32 × 32 × 4 ... 32 × 4 × 32).
     */
    @Test
    void theWarmUpStartsWhereItRepaysItsCompilations() {
        assertThat(Kernels.repaysWarmUp(128L * 128 * 784, 0)).isTrue();
        long iris = 200L * 4 * 3 * 32 * 32 * 4;
        assertThat(Kernels.repaysWarmUp(32L * 32 * 4, iris)).isFalse();
        assertThat(Kernels.repaysWarmUp(16L * 16 * 16, 1L << 31)).as("small products by the billion").isTrue();
    }
}
