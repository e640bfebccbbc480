package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.io.CsvFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code train} learns from a CSV's header before its rows: the size of the network whose kernels warm while they are read. */
class TrainHeaderTest {
    @TempDir
    Path dir;

    @Test
    void theHeaderAloneGivesTheColumnsOfARegularFileAndNothingOfAnythingElse() throws IOException {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "a;b;c;label\n1;2;3;x\n");
        assertThat(TrainData.headerColumns(csv, CsvFormat.DEFAULT)).isEqualTo(4);
        assertThat(TrainData.headerColumns(dir.resolve("missing.csv"), CsvFormat.DEFAULT)).isZero();
        assertThat(TrainData.headerColumns(dir, CsvFormat.DEFAULT)).isZero();
        Files.writeString(csv, "");
        assertThat(TrainData.headerColumns(csv, CsvFormat.DEFAULT)).isZero();
    }

    @Test
    void theFewestFeaturesLeaveOutTheLabelAndTheDroppedColumnsOrCountTheChosenOnes() {
        TableOptions options = new TableOptions();
        assertThat(options.featuresAtLeast(785)).isEqualTo(784);
        options.drop = List.of("id", "note");
        assertThat(options.featuresAtLeast(785)).isEqualTo(782);
        assertThat(options.featuresAtLeast(2)).isZero();
        options.drop = null;
        options.columns = List.of("x", "y");
        assertThat(options.featuresAtLeast(785)).isEqualTo(2);
    }
}
