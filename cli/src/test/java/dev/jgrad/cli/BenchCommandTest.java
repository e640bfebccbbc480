package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.io.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
    @Test
    void jsonHasOneObjectPerWorkloadAndEngine() {
        MainTest.Run r = MainTest.run("bench", "--workload", "circle-9", "--matmul", "16", "--seconds", "0.05", "--json");
        assertThat(r.code()).isZero();
        List<?> entries = (List<?>) Json.parse(r.out());
        assertThat(entries).hasSize(3);
        Map<?, ?> first = (Map<?, ?>) entries.get(0);
        assertThat(first.get("workload")).isEqualTo("circle-9");
        assertThat(first.get("engine")).isEqualTo("scalar");
        assertThat((Double) first.get("msPerStep")).isPositive();
        Map<?, ?> matmul = (Map<?, ?>) entries.get(2);
        assertThat(matmul.get("workload")).isEqualTo("matmul-16");
        assertThat((Double) matmul.get("gflops")).isPositive();
        assertThat(((Number) matmul.get("threads")).intValue()).as("16³ is far below the threads' threshold").isEqualTo(1);
    }

    @Test
    void productsAreTimedInEachDtypeAskedFor() {
        MainTest.Run r = MainTest.run("bench", "--workload", "circle-9", "--engine", "tensor", "--dtype", "float64,float32",
                "--matmul", "16", "--seconds", "0.05", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        List<Object> engines = ((List<?>) Json.parse(r.out())).stream().map(e -> (Map<?, ?>) e)
                .filter(e -> "matmul-16".equals(e.get("workload"))).map(e -> (Object) e.get("engine")).toList();
        assertThat(engines).containsExactly("tensor", "tensor-f32");
    }

    @Test
    void whenTheEngineSkipsEverythingAskedForItIsAUsageError() {
        MainTest.Run r = MainTest.run("bench", "--workload", "circle-64x64", "--engine", "scalar", "--matmul", "0", "--json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("jgrad: nothing to run: the scalar engine skips circle-64x64 "
                + "(millions of nodes a step; too slow to time)\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void skippedWorkloadsAndProductsAreNamedOnStandardError() {
        MainTest.Run r = MainTest.run("bench", "--workload", "circle-9,mlp-784-128-10", "--engine", "SCALAR", "--matmul", "16",
                "--seconds", "0.05", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("bench: the scalar engine skips mlp-784-128-10")
                .contains("bench: matrix products run on the tensor engine only");
        List<?> entries = (List<?>) Json.parse(r.out());
        assertThat(entries).hasSize(1);
        assertThat(((Map<?, ?>) entries.get(0)).get("engine")).isEqualTo("scalar");
    }

    @Test
    void anUnknownEngineIsAUsageError() {
        MainTest.Run r = MainTest.run("bench", "--engine", "gpu");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("jgrad: unknown engine 'gpu'; expected one of scalar, tensor\n");
    }

    @Test
    void anUnknownWorkloadIsAUsageErrorListingTheWorkloads() {
        MainTest.Run r = MainTest.run("bench", "--workload", "circle-9,CIRCLE-99", "--seconds", "0.05");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("jgrad: unknown workload 'CIRCLE-99' (did you mean circle-9?); expected one of circle-9, moons-16x16, circle-64x64, "
                + "mlp-784-128-10\n");
        assertThat(r.out()).isEmpty();
    }
}
