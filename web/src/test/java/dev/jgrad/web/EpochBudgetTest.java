package dev.jgrad.web;

import static dev.jgrad.web.PlaygroundTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Playing stops at the setup's epochs, as {@code jgrad train --epochs} does; going on is the learner's choice, and said. */
class EpochBudgetTest {

    private static Map<String, Object> trainUntilStopped() {
        Map<String, Object> s = json(Playground.stats());
        for (int k = 0; k < 200 && s.get("atBudget") != Boolean.TRUE; k++) {
            s = json(Playground.train(1000));
        }
        return s;
    }

    @Test
    void playingStopsAtTheBudgetWithTheEpochShowingIt() {
        assertThat(json(Playground.setup("points=40&epochs=3"))).containsEntry("ok", true);
        Map<String, Object> s = trainUntilStopped();
        assertThat(s).containsEntry("epoch", 3.0).containsEntry("atBudget", true).containsEntry("budget", 3.0);
        double steps = (double) s.get("step");
        assertThat(json(Playground.train(50))).containsEntry("epoch", 3.0).containsEntry("step", steps);
        assertThat((String) json(Playground.setup("points=40&epochs=3")).get("command")).contains("--epochs 3 ").doesNotContain("#");
    }

    @Test
    void goingOnPastTheBudgetIsSaidOnTheCommandLine() {
        Playground.setup("points=40&epochs=2");
        trainUntilStopped();
        assertThat((String) json(Playground.goOn()).get("command")).doesNotContain("#");
        Map<String, Object> s = json(Playground.epoch());
        assertThat(s).containsEntry("epoch", 3.0).containsEntry("atBudget", false);
        assertThat((String) json(Playground.command()).get("command"))
                .contains("--epochs 3 ").endsWith("# the page went on past its budget of 2 epochs");
    }

    @Test
    void aStepBeforeTheBudgetDoesNotLiftIt() {
        Playground.setup("points=40&epochs=2");
        Playground.step();
        assertThat(trainUntilStopped()).containsEntry("epoch", 2.0);
    }

    @Test
    void theBudgetIsInTheLinkAndTheDefaultIsThePosts() {
        assertThat(Setup.defaults().epochs()).isEqualTo(200);
        assertThat(Setup.parse("epochs=500").query()).isEqualTo("epochs=500");
        assertThat(json(Playground.setup("epochs=0"))).containsEntry("error", "epochs: 0 is less than 1");
    }
}
