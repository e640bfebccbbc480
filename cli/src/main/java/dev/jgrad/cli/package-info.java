/**
 * The {@code jgrad} command: picocli commands that parse options into core's and app's types and
 * report; no training or drawing of their own.
 *
 * <ul>
 *   <li><b>Here:</b> {@link dev.jgrad.cli.Main} and one class per subcommand ({@code TrainCommand},
 *     {@code PredictCommand}, {@code GraphCommand}…), with the shared {@code Errors} and {@code OutDir}.</li>
 *   <li><b>Start with</b> {@link dev.jgrad.cli.Main}: the list of subcommands and the exit codes.</li>
 *   <li><b>Then</b> {@code TrainCommand}, which builds a {@link dev.jgrad.train.TrainingConfig}.</li>
 * </ul>
 */
package dev.jgrad.cli;
