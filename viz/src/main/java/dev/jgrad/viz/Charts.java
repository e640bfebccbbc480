package dev.jgrad.viz;

import dev.jgrad.train.EpochMetrics;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Loss and accuracy by epoch, training and validation, as line charts (XChart) in PNG or SVG. They
 * read only the trainer's {@link EpochMetrics}, so any engine's history draws the same way.
 */
public final class Charts {
    private static final Color TRAIN = new Color(0x2166ac);
    private static final Color VALIDATION = new Color(0xd6604d);

    private Charts() {
    }

    /** Mean loss by epoch to {@code target} (.png or .svg). */
    public static void loss(List<EpochMetrics> history, String title, Path target) {
        write(chart(history, title, "mean loss", EpochMetrics::trainLoss, EpochMetrics::valLoss, false), target);
    }

    /** Accuracy by epoch to {@code target} (.png or .svg), on a 0 … 1 axis. */
    public static void accuracy(List<EpochMetrics> history, String title, Path target) {
        write(chart(history, title, "accuracy", EpochMetrics::trainAccuracy, EpochMetrics::valAccuracy, true), target);
    }

    static XYChart chart(List<EpochMetrics> history, String title, String quantity,
            ToDoubleFunction<EpochMetrics> train, ToDoubleFunction<EpochMetrics> validation, boolean unitRange) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("no epochs to chart");
        }
        XYChart chart = new XYChartBuilder().width(640).height(400).title(title)
                .xAxisTitle("epoch").yAxisTitle(quantity).build();
        Styler.ChartTheme theme = Styler.ChartTheme.Matlab;
        chart.getStyler().setTheme(theme.newInstance(theme));
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBorderVisible(true);
        chart.getStyler().setLegendPosition(unitRange ? Styler.LegendPosition.InsideSE : Styler.LegendPosition.InsideNE);
        chart.getStyler().setLegendBorderColor(new Color(0xbbbbbb));
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("0.00");
        chart.getStyler().setLocale(Locale.ROOT);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax((double) history.get(history.size() - 1).epoch());
        if (unitRange) {
            chart.getStyler().setYAxisMax(1.0);
        } else {
            chart.getStyler().setYAxisMin(0.0);
        }
        // XChart ticks every few pixels; label only round epochs (about five) so the labels never touch.
        List<Double> round = Decorations.ticks(0, Math.max(5, history.get(history.size() - 1).epoch()));
        double step = round.get(1) - round.get(0);
        chart.setCustomXAxisTickLabelsFormatter(x -> Math.abs(x / step - Math.rint(x / step)) < 1e-9
                ? Long.toString(Math.round(x)) : "");
        double[] epochs = history.stream().mapToDouble(EpochMetrics::epoch).toArray();
        add(chart, "train", epochs, history.stream().mapToDouble(train).toArray(), TRAIN);
        if (history.get(0).hasValidation()) {
            add(chart, "validation", epochs, history.stream().mapToDouble(validation).toArray(), VALIDATION);
        }
        return chart;
    }

    private static void add(XYChart chart, String name, double[] x, double[] y, Color colour) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(colour);
        series.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }

    static void write(XYChart chart, Path target) {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            PictureFile.stream(target, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
        } else if (name.endsWith(".svg")) {
            PictureFile.stream(target, out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out,
                    VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
        } else {
            throw new IllegalArgumentException("cannot tell the chart format of '" + target.getFileName()
                    + "': the name must end in .png or .svg");
        }
    }
}
