package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Features;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Init;
import dev.jgrad.optim.OptimizerKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SetupTest {
    @Test
    void theDefaultsAreThePostsSetup() {
        Setup s = Setup.defaults();
        assertThat(s.data()).isEqualTo("circle");
        assertThat(s.noise()).isZero();
        assertThat(s.hidden()).containsExactly(9);
        assertThat(s.activation()).isEqualTo(Activation.TANH);
        assertThat(s.loss()).isEqualTo(Loss.MSE);
        assertThat(s.init()).isEqualTo(Init.UNIFORM);
        assertThat(s.optimizer()).isEqualTo(OptimizerKind.SGD);
        assertThat(s.lr()).isEqualTo(0.01);
        assertThat(s.batch()).isEqualTo(1);
        assertThat(s.seed()).isEqualTo(42);
        assertThat(s.features()).isEqualTo(Features.RAW);
        assertThat(s.query()).isEmpty();
    }

    /** One non-default value for every control: each survives query() and parse() on its own. */
    @ParameterizedTest
    @ValueSource(strings = {"data=xor", "data=gauss", "data=spiral", "data=moons", "data=custom", "data=csv", "noise=0.25",
        "points=2000", "points=10", "ratio=50", "features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2", "features=x1sq", "hidden=",
        "hidden=16,1,3,4,5,6", "activation=relu", "activation=sigmoid", "activation=linear", "loss=bce", "init=pytorch",
        "init=xavier", "optimizer=adam", "optimizer=adamw", "lr=0.3", "lr=1.0E-5", "batch=10", "batch=full", "reg=l1", "reg=l2",
        "rate=0.05", "seed=7", "engine=scalar", "engine=tensor", "play=1", "test=1", "data=plane", "data=gaussian-mixture",
        "data=sine", "momentum=0.9"})
    void everyControlRoundTripsThroughTheQuery(String query) {
        Setup s = Setup.parse(query);
        assertThat(s).isNotEqualTo(Setup.defaults());
        assertThat(Setup.parse(s.query())).isEqualTo(s);
        assertThat(s.query()).isEqualTo(query);
    }

    /** Random combinations of every control, seeded: the canonical query gives the same setup back. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomSetupsRoundTrip(long seed) {
        Rng r = new Rng(seed);
        List<String> parts = new ArrayList<>();
        java.util.Map<String, String> chosen = new java.util.HashMap<>();
        for (Control c : Control.ALL) {
            if (r.nextDouble() < 0.5 || !fits(c.key(), chosen)) {
                continue;
            }
            String v = switch (c.kind()) {
                case "choice", "boolean" -> c.choices().get(r.nextInt(c.choices().size()));
                case "number" -> Double.toString(c.min() + r.nextDouble() * (Math.min(c.max(), 5) - c.min()));
                case "integer" -> Long.toString((long) c.min() + r.nextInt((int) Math.min(c.max() - c.min(), 1000)));
                default -> c.key().equals("hidden") ? "3,4" : "x2,sinx1";
            };
            parts.add(c.key() + "=" + v);
            chosen.put(c.key(), v);
        }
        Setup s = Setup.parse("?" + String.join("&", parts));
        assertThat(Setup.parse(s.query())).isEqualTo(s);
        assertThat(Setup.parse(s.query()).query()).isEqualTo(s.query());
    }

    /** Whether a random value of {@code key} may join the ones chosen: regression reads its points as they are, with mse; momentum is sgd's. */
    private static boolean fits(String key, java.util.Map<String, String> chosen) {
        boolean regression = Control.regression(false).contains(chosen.getOrDefault("data", "circle"));
        return switch (key) {
            case "features", "loss" -> !regression;
            case "momentum" -> chosen.getOrDefault("optimizer", "sgd").equals("sgd");
            default -> true;
        };
    }

    @Test
    void regressionDataReadsItsPointsAsTheyAreWithALinearOutput() {
        Setup sine = Setup.parse("data=sine");
        assertThat(sine.regression()).isTrue();
        assertThat(sine.features().ids()).containsExactly("x1");
        assertThat(sine.query()).isEqualTo("data=sine");
        assertThat(sine.outputActivation()).isEqualTo(Activation.LINEAR);
        assertThat(Setup.parse("data=plane").features()).isEqualTo(Features.RAW);
        assertThat(Setup.parse("data=circle").outputActivation()).isEqualTo(Activation.TANH);
        assertThat(Setup.defaults().regression()).isFalse();
    }

    @Test
    void aGeneratorsOwnNoiseIsItsDefaultAndLeftOutOfTheQuery() {
        assertThat(Setup.parse("data=moons").noise()).isEqualTo(0.1);
        assertThat(Setup.parse("data=moons&noise=0.1").query()).isEqualTo("data=moons");
        assertThat(Setup.parse("data=moons&noise=0").query()).isEqualTo("data=moons&noise=0");
    }

    @Test
    void escapedCharactersAndCaseAreRead() {
        assertThat(Setup.parse("hidden=4%2C4&activation=ReLU&batch=FULL").query()).isEqualTo("hidden=4,4&activation=relu&batch=full");
        assertThat(Query.decode("a+b%2c%zz%E2")).isEqualTo("a b,%zz%E2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hidden=17 | hidden: 17 neurons is more than 16",
        "hidden=0 | hidden: a layer of 0 neurons; a layer needs at least 1",
        "hidden=1,2,3,4,5,6,7 | hidden: 7 layers is more than 6",
        "hidden=4,,4 | hidden: '' is not a number of neurons",
        "hidden=x | hidden: 'x' is not a number of neurons",
        "data=iris | data: 'iris' is not one of circle, moons, xor, spiral, gauss, sine, plane, gaussian-mixture, custom, csv",
        "data=plane&loss=bce | loss: bce scores classes; plane is regression data (a number per point), trained with mse",
        "data=sine&features=x1,x2 | features: x1,x2 for sine; regression data is read as it is, x1",
        "data=gaussian-mixture&features=x1sq | features: x1sq for gaussian-mixture; regression data is read as it is, x1,x2",
        "optimizer=adam&momentum=0.9 | momentum: 0.9 with adam; momentum applies to sgd only (adam and adamw keep their own); set it to 0 or choose sgd",
        "momentum=1 | momentum: 1 is more than 0.99",
        "noise=-0.1 | noise: -0.1 is less than 0",
        "noise=2 | noise: 2 is more than 1",
        "noise=lots | noise: 'lots' is not a number",
        "points=5 | points: 5 is less than 10",
        "points=2001 | points: 2001 is more than 2000",
        "points=3.5 | points: '3.5' is not a whole number",
        "ratio=95 | ratio: 95 is more than 90",
        "ratio=5 | ratio: 5 is less than 10",
        "features=x1,x3 | features: unknown feature 'x3'; expected one of x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2",
        "features=x1,x1 | features: feature x1 is chosen twice",
        "activation=gelu | activation: 'gelu' is not one of tanh, relu, sigmoid, linear",
        "loss=hinge | loss: 'hinge' is not one of mse, bce",
        "init=zeros | init: 'zeros' is not one of pytorch, uniform, xavier, he",
        "optimizer=rmsprop | optimizer: 'rmsprop' is not one of sgd, adam, adamw",
        "lr=0 | lr: 0 is not a positive number",
        "lr=-1 | lr: -1 is less than 0",
        "lr=abc | lr: 'abc' is not a number",
        "lr=NaN | lr: 'NaN' is not a number",
        "lr=11 | lr: 11 is more than 10",
        "batch=0 | batch: 0 is not a batch size (1 to 2000, or full)",
        "batch=half | batch: 'half' is not a batch size (1 to 2000, or full)",
        "reg=l3 | reg: 'l3' is not one of none, l1, l2",
        "rate=2 | rate: 2 is more than 1",
        "seed=-1 | seed: -1 is less than 0",
        "seed=x | seed: 'x' is not a whole number",
        "play=yes | play: 'yes' is not one of 0, 1",
        "test=2 | test: '2' is not one of 0, 1",
        "colour=red | unknown setting 'colour'; the settings are data, noise, points, ratio, features, hidden, activation, loss, init, optimizer, lr, momentum, batch, epochs, reg, rate, seed, engine, play, test",
        "seed=1&seed=2 | seed: given twice"})
    void aBadValueIsOneLineNamingTheKeyAndTheValue(String query, String message) {
        assertThatThrownBy(() -> Setup.parse(query)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void theValidationShareIsWrittenExactly() {
        assertThat(TrainLine.percent(20)).isEqualTo("0.2");
        assertThat(TrainLine.percent(5)).isEqualTo("0.05");
        assertThat(TrainLine.percent(33)).isEqualTo("0.33");
        for (int ratio = 10; ratio <= 90; ratio++) {
            assertThat(Double.parseDouble(TrainLine.percent(100 - ratio))).isEqualTo(Setup.parse("ratio=" + ratio).validation());
        }
    }
}
