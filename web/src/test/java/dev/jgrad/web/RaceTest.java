package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RaceTest {
    private static final Session PAGE = Session.of(Setup.parse("data=circle&points=200&hidden=4&lr=0.05&batch=10"), null);

    @Test
    void twoIdenticalSetupsGiveIdenticalCurves() {
        Race race = Race.of(PAGE, List.of("optimizer=sgd", "optimizer=sgd"));
        for (int e = 0; e < 5; e++) {
            race.epoch();
        }
        List<double[]> a = race.racers().get(0).curve(), b = race.racers().get(1).curve();
        assertThat(a).hasSize(5);
        for (int e = 0; e < a.size(); e++) {
            assertThat(b.get(e)).containsExactly(a.get(e));
        }
        assertThat(race.racers().get(0).session().network()).isEqualTo(race.racers().get(1).session().network());
    }

    /** Each racer is the run of its setup alone: the same curve and the same weights, to the bit. */
    @Test
    void eachRacerIsItsSetupTrainedAlone() {
        List<String> setups = List.of("optimizer=sgd&lr=0.1", "optimizer=adam&lr=0.01", "batch=1", "optimizer=adamw&lr=0.01");
        Race race = Race.of(PAGE, setups);
        for (int e = 0; e < 3; e++) {
            race.epoch();
        }
        for (int i = 0; i < setups.size(); i++) {
            Session alone = Session.of(Setup.parse(Race.merge(PAGE.setup().query(), setups.get(i))), null);
            for (int e = 0; e < 3; e++) {
                alone.epoch();
                assertThat(race.racers().get(i).curve().get(e)[1]).isEqualTo(alone.measure()[0].loss());
                assertThat(race.racers().get(i).curve().get(e)[3]).isEqualTo(alone.measure()[1].accuracy());
            }
            assertThat(race.racers().get(i).session().network()).isEqualTo(alone.network());
        }
    }

    @Test
    void differentOptimizersStartFromTheSameWeightsAndPartWays() {
        Race race = Race.of(PAGE, List.of("optimizer=sgd&lr=0.1", "optimizer=adam&lr=0.01", "batch=1"));
        assertThat(race.sameStart()).isTrue();
        race.epoch();
        assertThat(race.racers().get(0).curve().get(0)[1]).isNotEqualTo(race.racers().get(1).curve().get(0)[1]);
        assertThat(race.answer(0.5, 0)).containsPattern("\"sameStart\": ?true");
    }

    @Test
    void aSetupsControlsReplaceThePagesOwn() {
        assertThat(Race.merge("data=xor&lr=0.05&batch=10", "lr=0.1&optimizer=adam")).isEqualTo("data=xor&batch=10&lr=0.1&optimizer=adam");
        assertThat(Race.merge("", "lr=0.1")).isEqualTo("lr=0.1");
    }

    @Test
    void aDifferentInitIsNotTheSameStart() {
        assertThat(Race.of(PAGE, List.of("init=xavier", "init=he")).sameStart()).isFalse();
    }

    @Test
    void aBadSetupIsOneLineNamingIt() {
        assertThatThrownBy(() -> Race.of(PAGE, List.of("optimizer=sgd", "lr=-1"))).hasMessageStartingWith("setup 2 (lr=-1): ");
        assertThatThrownBy(() -> Race.of(PAGE, List.of("lr=1"))).hasMessage("a race has 2 to 4 setups, got 1");
    }
}
