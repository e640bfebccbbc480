package dev.jgrad.train;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Pipeline;
import dev.jgrad.data.Preprocessing;
import dev.jgrad.data.RawTable;
import java.util.List;

/**
 * A raw table made ready for {@link Training#start}: its columns chosen and missing cells handled
 * by the config's {@link Preprocessing}, the pipeline fitted on exactly the training split that
 * {@code Training.start(config, all(), new Rng(config.seed()))} will make (so the validation rows
 * are as new to the fills and categories as to the model), and every row put through it.
 *
 * <pre>{@code
 * Prepared prepared = Prepared.of(config, RawTables.labelled(Csv.read(file), "class", config.task(), RawTables.MISSING), "class");
 * Training run = Training.start(config, prepared.all(), new Rng(config.seed()));
 * new ModelFile(run.model().network(), run.scaler(), run.target(), metadata, prepared.pipeline()).save(out);
 * }</pre>
 *
 * @param all every row kept, as the pipeline's features, with its labels or targets
 * @param chosen the chosen raw table (its rows those of {@code all})
 * @param notes what choosing left out (rows with missing cells, empty columns), one a line
 */
public record Prepared(Pipeline pipeline, Dataset all, RawTable chosen, List<String> notes) {

    /**
     * Copies the notes.
     *
     * @param pipeline how a row of the table becomes features, fitted on the training rows
     * @param all every chosen row as features
     * @param chosen the table of the chosen columns and rows
     * @param notes what choosing left out, one note a line
     */
    public Prepared {
        notes = List.copyOf(notes);
    }

    /**
     * {@code raw} prepared for a run of {@code config}; {@code label} names the label column for messages (or null).
     *
     * @param config the run the data is for
     * @param raw the table as read
     * @param label the label column's name, or null
     * @return the prepared data
     */
    public static Prepared of(TrainingConfig config, RawTable raw, String label) {
        Preprocessing.Chosen chosen = config.preprocessing().choose(raw, label);
        RawTable table = chosen.table();
        // The twin of Training.start's generator, in the same state: its first draw splits the rows alike.
        Dataset.Split split = Training.split(config, table.data(), new Rng(config.seed()));
        Pipeline pipeline = config.preprocessing().fit(new RawTable(table.source(), split.train(), table.columns(), null, 0));
        return new Prepared(pipeline, pipeline.expand(table), table, chosen.notes());
    }
}
