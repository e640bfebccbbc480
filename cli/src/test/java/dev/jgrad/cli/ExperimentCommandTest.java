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
    void jsonHasOneObjectPerHiddenSizeWithTheDocumentedKeys() {
        Run r = MainTest.run("experiment", "circle", "--hidden", "1,3", "--seed", "2", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        List<?> rows = (List<?>) Json.parse(r.out());
        assertThat(rows).hasSize(2);
        @SuppressWarnings("unchecked")
        Map<String, Object> three = (Map<String, Object>) rows.get(1);
        assertThat(three.keySet()).containsExactly("hidden", "trainAccuracy", "valAccuracy", "trainLoss", "valLoss");
        assertThat(three.get("hidden")).isEqualTo(3.0);
        assertThat((Double) three.get("trainAccuracy")).isGreaterThanOrEqualTo(0.9);
        assertThat((Double) ((Map<?, ?>) rows.get(0)).get("trainAccuracy")).isBetween(0.5, 0.7);
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
            assertThat(lines).as(g.id()).anyMatch(l -> l.startsWith(g.id() + " ") && l.endsWith(g.description())
                    && l.contains(g.defaultClasses() == 2 ? " 2 " : " " + g.defaultClasses() + "+ "));
        }
    }
}
