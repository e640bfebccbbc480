package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.json.Json;
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
        assertThat(((Map<?, ?>) entries.get(2)).get("workload")).isEqualTo("matmul-16");
    }

    @Test
    void theScalarEngineSkipsTheWorkloadsItCannotRunInTime() {
        MainTest.Run r = MainTest.run("bench", "--workload", "mlp-784-128-10", "--engine", "scalar", "--matmul", "0", "--json");
        assertThat(r.code()).isZero();
        assertThat((List<?>) Json.parse(r.out())).isEmpty();
    }

    @Test
    void anUnknownEngineIsAUsageError() {
        MainTest.Run r = MainTest.run("bench", "--engine", "gpu");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("jgrad: unknown engine 'gpu'; expected one of scalar, tensor\n");
    }
}
