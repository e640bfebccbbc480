package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.cli.MainTest.Run;
import dev.jgrad.data.Datasets;
import dev.jgrad.io.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentCommandTest {

    @Test
    @SuppressWarnings("unchecked")
    void jsonIsOneObjectWithTheSettingsAndEverySizesMetrics() {
        Run r = MainTest.run("experiment", "circle", "--hidden", "1,3", "--seed", "2", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Object> json = (Map<String, Object>) Json.parse(r.out());
        assertThat(json.keySet()).containsExactly("command", "experiment", "settings", "engine", "seconds", "epochs", "runs");
        assertThat(json).containsEntry("epochs", 200.0).containsEntry("engine", "scalar");
        assertThat((Map<String, Object>) json.get("settings")).containsEntry("lr", 0.01).containsEntry("init", "uniform");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) json.get("runs");
        assertThat(rows).hasSize(2);
        Map<String, Object> three = rows.get(1);
        assertThat(three.keySet()).containsExactly("hidden", "seconds", "train", "validation");
        assertThat(three.get("hidden")).isEqualTo(3.0);
        Map<String, Object> train = (Map<String, Object>) three.get("train");
        assertThat((Double) train.get("accuracy")).isGreaterThanOrEqualTo(0.9);
        assertThat(train).containsEntry("points", 300.0).containsEntry("classes", List.of("outside", "inside"))
                .containsKeys("loss", "confusion", "perClass", "macro", "weighted");
        assertThat((Double) ((Map<String, Object>) rows.get(0).get("train")).get("accuracy")).isBetween(0.5, 0.7);
        assertThat(((Map<String, Object>) rows.get(0).get("validation")).get("points")).isEqualTo(150.0);
    }

    @Test
    void theTableHasARowPerSize() {
        Run r = MainTest.run("experiment", "circle", "--hidden", "2");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("hidden  train acc  val acc  train loss  val loss").contains("     2      0.7");
    }

    @Test
    void unknownExperimentsAndSizesAreUsageErrors() {
        Run r = MainTest.run("experiment", "square");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("jgrad: unknown experiment 'square'; available: circle" + System.lineSeparator());
        assertThat(MainTest.run("experiment", "circle", "--hidden", "0").code()).isEqualTo(2);
    }

    @Test
    void datasetsListsEveryGenerator() {
        Run r = MainTest.run("datasets");
        assertThat(r.code()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(Datasets.CHOICES.values().size() + 2);
        for (Datasets.Generator g : Datasets.CHOICES.values()) {
            String classes = g.task() == dev.jgrad.data.Task.REGRESSION ? " - " : g.defaultClasses() == 2 ? " 2 " : " " + g.defaultClasses() + "+ ";
            assertThat(lines).as(g.id()).anyMatch(l -> l.startsWith(g.id() + " ") && l.endsWith(g.description())
                    && l.contains(" " + g.task().id() + " ") && l.contains(classes));
        }
    }
}
