package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
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

    /** A tick's answer: the rows after the epoch the page has, and the first epoch each racer reached the target, whatever was asked before. */
    @Test
    void anAnswerHasTheNewRowsAndTheFirstEpochAtTheTarget() {
        Race race = Race.of(PAGE, List.of("optimizer=sgd&lr=0.1", "batch=1"));
        for (int round = 0; round < 3; round++) {
            for (int e = 0; e < 3; e++) {
                race.epoch();
            }
            for (double target : new double[] {0.6, 2, 0.6, 0.5}) {
                List<?> racers = (List<?>) PlaygroundTest.json(race.answer(target, 3 * round + 1)).get("racers");
                for (int i = 0; i < 2; i++) {
                    Map<?, ?> r = (Map<?, ?>) racers.get(i);
                    List<double[]> curve = race.racers().get(i).curve();
                    Double first = null;
                    for (double[] row : curve) {
                        if (first == null && row[2] >= target) {
                            first = row[0];
                        }
                    }
                    assertThat(r.get("reached")).as("racer %d, target %s", i, target).isEqualTo(first);
                    List<?> rows = (List<?>) r.get("curve");
                    assertThat(rows).hasSize(2);
                    assertThat(((List<?>) rows.get(0)).get(0)).isEqualTo((double) 3 * round + 2);
                }
            }
        }
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
