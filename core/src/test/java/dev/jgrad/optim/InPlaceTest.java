package dev.jgrad.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rule that steps float64 tensors in place over their own arrays gives the bits of the same rule over the
 * numbers gathered and written back (a concatenated block gathers). float32 tensors are stepped in float32 in
 * place, as PyTorch steps them, and in double when gathered: {@code FloatStepTest}.
 */
class InPlaceTest {
    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (DType d : List.of(DType.FLOAT64)) {
            for (long seed = 1; seed <= 3; seed++) {
                all.add(Arguments.of("adam", d, seed));
                all.add(Arguments.of("adam-l2", d, seed));
                all.add(Arguments.of("adamw", d, seed));
                all.add(Arguments.of("sgd-momentum", d, seed));
            }
        }
        return all.stream();
    }

    static Function<Parameters, Optimizer> rule(String name) {
        return switch (name) {
            case "adam" -> p -> new Adam(p, 0.01);
            case "adam-l2" -> p -> new Adam(p, 0.01).weightDecay(0.1);
            case "adamw" -> p -> new AdamW(p, 0.01);
            default -> p -> new Sgd(p, 0.1).momentum(0.9).weightDecay(0.01);
        };
    }

    @ParameterizedTest(name = "{0} {1} seed {2}")
    @MethodSource("cases")
    void inPlaceStepsGiveTheGatheredBits(String name, DType dtype, long seed) {
        List<Tensor> own = parameters(dtype, seed);
        List<Tensor> gathered = parameters(dtype, seed);
        Optimizer inPlace = rule(name).apply(Parameters.ofTensors(own));
        Optimizer reference = rule(name).apply(Parameters.concat(List.of(Parameters.ofTensors(gathered))));
        Rng rng = new Rng(seed + 100);
        for (int step = 0; step < 5; step++) {
            double[] x = new double[3 * 4];
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextGaussian();
            }
            for (List<Tensor> ps : List.of(own, gathered)) {
                Tensor in = Tensor.of(x, 3, 4).to(dtype);
                in.matmul(ps.get(0)).add(ps.get(1)).tanh().square().sum().backward();
            }
            inPlace.step();
            reference.step();
            inPlace.zeroGrad();
            reference.zeroGrad();
            for (int i = 0; i < own.size(); i++) {
                assertThat(own.get(i).data()).as("step %d, parameter %d", step, i).containsExactly(gathered.get(i).data());
            }
        }
    }

    private static List<Tensor> parameters(DType dtype, long seed) {
        Rng rng = new Rng(seed);
        double[] w = new double[4 * 5];
        double[] b = new double[5];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rng.nextGaussian();
        }
        return List.of(Tensor.of(w, 4, 5).to(dtype).requireGrad(), Tensor.of(b, 5).to(dtype).requireGrad());
    }
}
