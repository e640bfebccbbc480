package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.data.Dataset;
import dev.jgrad.nn.Engine;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A session's raw points are split exactly as the points it trains on, by the indices the run drew. */
class SessionTest {

    @ParameterizedTest
    @ValueSource(strings = {"data=circle&seed=3", "data=xor&features=x1,x2,x1x2,sinx1&ratio=70&seed=11",
        "data=spiral&features=x1sq,x2sq&ratio=50&batch=10&seed=5"})
    void theRawPointsSplitAsTheTransformedOnesTrainAndTest(String query) {
        Setup setup = Setup.parse(query);
        Session s = Session.of(setup, null);
        assertThat(s.rawTrain().size() + s.rawTest().size()).isEqualTo(setup.points());
        assertThat(setup.features().apply(s.rawTrain()).points()).isDeepEqualTo(s.training().train().points());
        assertThat(setup.features().apply(s.rawTest()).points()).isDeepEqualTo(s.training().validation().points());
        assertThat(s.rawTrain().labels()).containsExactly(s.training().train().labels());
        assertThat(s.engine()).isEqualTo(s.training().engine());
        assertThat(s.start()).isEqualTo(s.training().start());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void withoutAPointToTrainOnTheSessionStillShowsTheRunsStartingNetwork(int points) {
        Setup setup = Setup.parse("data=custom&hidden=3&ratio=50&seed=4");
        double[][] p = points == 0 ? new double[0][] : new double[][] {{0.5, -0.5}};
        Session s = Session.of(setup, new Dataset("drawn", p, new int[points], 2, List.of("0", "1")));
        assertThat(s.hasPoints()).isFalse();
        assertThat(s.rawTest().size()).isEqualTo(points);
        assertThat(s.start().parameterCount()).isEqualTo(2 * 3 + 3 + 3 + 1);
        assertThat(s.engine()).isEqualTo(Engine.SCALAR);
        Session drawn = s.withPoint(0.1, 0.2, 1).withPoint(0.3, 0.4, 0).withPoint(0.3, 0.1, 0);
        assertThat(drawn.hasPoints()).isTrue();
    }
}
