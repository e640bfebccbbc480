package dev.jgrad.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.base.InvalidSetting;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PreprocessingTest {
    private static final double NA = Double.NaN;

    /** age (numbers), town (text: levels Quincy, Boston, Cambridge), chas (numbers 0/1); labels 0/1. */
    private static RawTable table(double[][] rows) {
        int[] labels = new int[rows.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 2;
        }
        return new RawTable("t.csv", new Dataset("t.csv", rows, labels, 2),
                List.of(RawColumn.numbers("age"), RawColumn.text("town", List.of("Quincy", "Boston", "Cambridge")),
                        RawColumn.numbers("chas")), null, 0);
    }

    private static final double[][] ROWS = {{30, 0, 0}, {NA, 1, 1}, {50, 1, 0}, {40, NA, 1}, {10, 2, 0}};

    @Test
    void theDefaultRefusesMissingCellsCountingThemPerColumnWithTheFirstLine() {
        assertThatThrownBy(() -> Preprocessing.DEFAULT.choose(table(ROWS), "y")).isInstanceOf(TableException.class)
                .hasMessage("t.csv: missing values in 2 columns: 'age' 1 of 5 rows (first at line 2), 'town' 1 of 5 rows "
                        + "(first at line 4); choose what to do with them: --missing drop, mean, median or most-frequent");
    }

    @Test
    void dropLeavesOutRowsWithAMissingCellAndSaysHowMany() {
        Preprocessing.Chosen c = Preprocessing.DEFAULT.withMissing(MissingPolicy.DROP).choose(table(ROWS), "y");
        assertThat(c.table().data().size()).isEqualTo(3);
        assertThat(c.table().lines()).containsExactly(1, 3, 5);
        assertThat(c.notes()).containsExactly("left out 2 of 5 rows with missing cells");
    }

    @Test
    void meanMedianAndMostFrequentFillFromTheTableTheyAreFittedOn() {
        RawTable t = table(ROWS);
        assertThat(Preprocessing.DEFAULT.withMissing(MissingPolicy.MEAN).fit(t).steps().get(0).fill()).isEqualTo(32.5);
        assertThat(Preprocessing.DEFAULT.withMissing(MissingPolicy.MEDIAN).fit(t).steps().get(0).fill()).isEqualTo(35);
        assertThat(Preprocessing.DEFAULT.withMissing(MissingPolicy.MOST_FREQUENT).fit(t).steps().get(0).fill()).isEqualTo(10);
        // town: Boston twice, the most frequent; its index among the sorted categories Boston, Cambridge, Quincy is 0.
        ColumnStep town = Preprocessing.DEFAULT.withMissing(MissingPolicy.MEAN).fit(t).steps().get(1);
        assertThat(town.categories()).containsExactly("Boston", "Cambridge", "Quincy");
        assertThat(town.fill()).isEqualTo(0);
    }

    @Test
    void textBecomesOneHotFeaturesNamedColumnEqualsCategoryAndAnIndicatorFlagsFilledCells() {
        Pipeline p = Preprocessing.DEFAULT.withMissing(MissingPolicy.MEDIAN).withIndicator(true).withCategorical(List.of("chas"))
                .fit(table(ROWS));
        assertThat(p.names()).containsExactly("age", "missing(age)", "town=Boston", "town=Cambridge", "town=Quincy", "missing(town)",
                "chas=0", "chas=1");
        double[][] x = p.apply(table(ROWS), false).points();
        assertThat(x[1]).containsExactly(35, 1, 1, 0, 0, 0, 0, 1);
        assertThat(x[3]).containsExactly(40, 0, 1, 0, 0, 1, 0, 1);
        assertThat(x[0]).containsExactly(30, 0, 0, 0, 1, 0, 1, 0);
    }

    @Test
    void anUnseenCategoryIsAllZerosAndCountedOrWithStrictAnErrorNamingItsLine() {
        Pipeline p = Preprocessing.DEFAULT.withMissing(MissingPolicy.MEAN).fit(table(new double[][] {{1, 0, 0}, {2, 1, 1}}));
        Pipeline.Expanded x = p.apply(table(new double[][] {{1, 2, 0}, {2, 2, 1}, {3, 1, 1}}), false);
        assertThat(x.unseen()).containsEntry("town", 2);
        assertThat(x.points()[0]).containsExactly(1, 0, 0, 0);
        assertThatThrownBy(() -> p.apply(table(new double[][] {{1, 0, 0}, {2, 2, 1}}), true)).isInstanceOf(TableException.class)
                .hasMessage("t.csv:2: column 'town': category 'Cambridge' was not in the training data (Boston, Quincy)");
    }

    @Test
    void aModelWithoutFillsRefusesMissingCellsAtPredictionCountingThem() {
        Pipeline p = Preprocessing.DEFAULT.fit(table(new double[][] {{1, 0, 0}, {2, 1, 1}}));
        assertThatThrownBy(() -> p.apply(table(new double[][] {{NA, 0, 0}, {NA, 1, NA}}), false))
                .hasMessageStartingWith("t.csv: missing values in 2 columns: 'age' 2 of 2 rows (first at line 1), 'chas' 1 of 2 rows "
                        + "(first at line 2)");
    }

    @Test
    void aDecimalCommaWhereTheModelReadsANumberIsNamedWithTheOptionThatReadsIt() {
        Pipeline p = Preprocessing.DEFAULT.fit(table(new double[][] {{30, 0, 0}, {50, 1, 1}}));
        RawTable read = new RawTable("p.csv", new Dataset("p.csv", new double[][] {{0, 0, 0}, {1, 1, 1}}, new int[] {0, 1}, 2),
                List.of(RawColumn.text("age", List.of("7,58", "old")), RawColumn.text("town", List.of("Quincy", "Boston")),
                        RawColumn.numbers("chas")), null, 0);
        assertThatThrownBy(() -> p.apply(read, false)).isInstanceOf(TableException.class)
                .hasMessageContaining("column 'age' holds the text '7,58'; the model reads a number there (a decimal comma: "
                        + "read the file with --decimal-comma");
        RawTable word = new RawTable("p.csv", new Dataset("p.csv", new double[][] {{1, 0, 0}}, new int[] {0}, 2), read.columns(), null, 0);
        assertThatThrownBy(() -> p.apply(word, false)).hasMessageEndingWith("holds the text 'old'; the model reads a number there");
    }

    @Test
    void yesNoAndTrueFalseTextReadAsOneAndZeroInAnyCase() {
        RawTable t = new RawTable("b.csv", new Dataset("b.csv", new double[][] {{0}, {1}, {NA}}, new int[] {0, 1, 0}, 2),
                List.of(RawColumn.text("smoker", List.of("YES", "no"))), null, 0);
        Pipeline p = Preprocessing.DEFAULT.withMissing(MissingPolicy.MOST_FREQUENT).fit(t);
        assertThat(p.steps().get(0).kind()).isEqualTo(ColumnStep.Kind.BOOLEAN);
        assertThat(p.apply(t, false).points()).isDeepEqualTo(new double[][] {{1}, {0}, {0}});
    }

    @Test
    void columnsAndDropChooseByNameAndAMisspeltNameGetsTheNearestOne() {
        assertThat(Preprocessing.DEFAULT.withColumns(List.of("chas", "age")).choose(table(new double[][] {{1, 0, 0}}), "y")
                .table().names()).containsExactly("chas", "age");
        assertThat(Preprocessing.DEFAULT.withDrop(List.of("town")).choose(table(new double[][] {{1, 0, 0}}), "y")
                .table().names()).containsExactly("age", "chas");
        assertThatThrownBy(() -> Preprocessing.DEFAULT.withColumns(List.of("agee")).choose(table(ROWS), "y"))
                .isInstanceOf(InvalidSetting.class)
                .hasMessage("columns names no column 'agee'; did you mean 'age'?; the columns are 'age', 'town', 'chas'");
        assertThatThrownBy(() -> Preprocessing.DEFAULT.withDrop(List.of("y")).choose(table(ROWS), "y"))
                .hasMessage("drop names 'y', the label column; it is never a feature");
        assertThatThrownBy(() -> Preprocessing.DEFAULT.withDrop(List.of("age", "town", "chas")).choose(table(ROWS), "y"))
                .hasMessage("drop leaves no feature column");
        assertThatThrownBy(() -> Preprocessing.DEFAULT.withCategorical(List.of("chs")).choose(table(new double[][] {{1, 0, 0}}), "y"))
                .hasMessageStartingWith("categorical names 'chs', which is not a feature column; did you mean 'chas'?");
        assertThatThrownBy(() -> Preprocessing.DEFAULT.withIndicator(true)).hasMessageStartingWith("missing-indicator flags filled");
        assertThatThrownBy(() -> Preprocessing.DEFAULT.withColumns(List.of("a")).withDrop(List.of("b")))
                .hasMessage("drop and columns both choose the features; give one of them");
    }

    @Test
    void aColumnMissingInEveryRowIsLeftOutUnderAFillAndNamedUnderTheDefault() {
        double[][] rows = {{1, 0, NA}, {2, 1, NA}};
        Preprocessing.Chosen c = Preprocessing.DEFAULT.withMissing(MissingPolicy.MEAN).choose(table(rows), "y");
        assertThat(c.table().names()).containsExactly("age", "town");
        assertThat(c.notes()).containsExactly("left out column 'chas': it is missing in every row");
        assertThatThrownBy(() -> Preprocessing.DEFAULT.choose(table(rows), "y")).hasMessageContaining("'chas' 2 of 2 rows");
    }

    /** thick: text (its cells' levels as given), read without a decimal comma; rows use the levels in turn. */
    private static RawTable withText(List<String> levels) {
        double[][] rows = new double[6][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {i, i % levels.size()};
        }
        return new RawTable("r.csv", new Dataset("r.csv", rows, new int[rows.length], 2),
                List.of(RawColumn.numbers("age"), RawColumn.text("thick", levels)), new int[] {2, 3, 4, 5, 6, 7}, 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"3,14;5,90;7|3,14|2", "7;-0,5;12|-0,5|3", "8;,25|,25|3"})
    void numbersWrittenWithADecimalCommaReadAsTextAreRefusedNamingTheOption(String levels, String shown, int line) {
        assertThatThrownBy(() -> Preprocessing.DEFAULT.choose(withText(List.of(levels.split(";"))), "y"))
                .isInstanceOf(TableException.class)
                .hasMessage("r.csv:" + line + ": column 'thick' holds numbers written with a decimal comma ('" + shown
                        + "'); read the file with --decimal-comma");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"small;1,5;large", "1,2,3;4,5,6", "a;b", "7;8"})
    void textThatIsNotAllDecimalCommaNumbersStaysCategories(String levels) {
        assertThat(Preprocessing.DEFAULT.choose(withText(List.of(levels.split(";"))), "y").table().names()).containsExactly("age", "thick");
    }

    @Test
    void aDecimalCommaColumnNamedCategoricalIsTakenAsSaid() {
        RawTable t = withText(List.of("3,14", "5,90"));
        assertThat(Preprocessing.DEFAULT.withCategorical(List.of("thick")).choose(t, "y").table().names()).contains("thick");
    }

    @Test
    void rowNumbersAndIdentifiersAreWarnedAboutByHeaderOrByUniqueValues() {
        int n = ColumnChoice.ID_MIN_ROWS;
        double[][] rows = new double[n][2];
        for (int i = 0; i < n; i++) {
            rows[i] = new double[] {i + 1, i % 3};
        }
        RawTable t = new RawTable("w.csv", new Dataset("w.csv", rows, new int[n], 2),
                List.of(RawColumn.numbers("patient"), RawColumn.numbers("")), null, 0);
        assertThat(Preprocessing.warnings(t)).containsExactly(
                "column 'patient' looks like a row identifier (a different whole number in every row), not a feature; "
                        + "leave it out with --drop 'patient'",
                "column '' looks like a row identifier (its header is ''), not a feature; leave it out with --drop ''");
        assertThat(Preprocessing.warnings(t.rows(new int[] {0, 1, 2}))).hasSize(1);
    }

    @Test
    void aNumericLabelWithManyClassesSuggestsRegression() {
        int n = 30;
        double[][] p = new double[n][1];
        int[] labels = new int[n];
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels[i] = i;
            names.add(Double.toString(10 + i * 0.5));
        }
        assertThat(Preprocessing.labelWarning(new Dataset("h", p, labels, n, names), "medv"))
                .isEqualTo("the label 'medv' holds 30 different numbers; to predict a number rather than 30 classes, say --task regression");
        assertThat(Preprocessing.labelWarning(new Dataset("d", p, new int[n], 10), "digit")).isNull();
    }
}
