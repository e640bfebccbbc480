package dev.jgrad.viz;

import dev.jgrad.train.EpochMetrics;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Loss and accuracy by epoch, training and validation, as line charts in PNG (XChart) or SVG
 * ({@link SvgChart}: text as text, a few kilobytes). They
 * read only the trainer's {@link EpochMetrics}, so any engine's history draws the same way.
 */
public final class Charts {
    private static final Color TRAIN = new Color(0x2166ac);
    private static final Color VALIDATION = new Color(0xd6604d);

    private Charts() {
    }

    /** Mean loss by epoch to {@code target} (.png or .svg). */
    public static void loss(List<EpochMetrics> history, String title, Path target) {
        write(history, title, "mean loss", EpochMetrics::trainLoss, EpochMetrics::valLoss, false, target);
    }

    /** Accuracy by epoch to {@code target} (.png or .svg), on a 0 … 1 axis. */
    public static void accuracy(List<EpochMetrics> history, String title, Path target) {
        write(history, title, "accuracy", EpochMetrics::trainAccuracy, EpochMetrics::valAccuracy, true, target);
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

    private static void write(List<EpochMetrics> history, String title, String quantity,
            ToDoubleFunction<EpochMetrics> train, ToDoubleFunction<EpochMetrics> validation, boolean unitRange, Path target) {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            XYChart chart = chart(history, title, quantity, train, validation, unitRange);
            PictureFile.stream(target, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
        } else if (name.endsWith(".svg")) {
            PictureFile.text(target, svg(history, title, quantity, train, validation, unitRange));
        } else {
            throw new IllegalArgumentException("cannot tell the chart format of '" + target.getFileName()
                    + "': the name must end in .png or .svg");
        }
    }

    /** An XChart chart as PNG (the only format XChart writes here: its SVG drew text as outlines). */
    static void write(XYChart chart, Path target) {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png")) {
            throw new IllegalArgumentException("cannot write this chart as '" + target.getFileName()
                    + "': the name must end in .png");
        }
        PictureFile.stream(target, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }

    /** The same chart as small SVG text with real text elements (see {@link SvgChart}). */
    static String svg(List<EpochMetrics> history, String title, String quantity,
            ToDoubleFunction<EpochMetrics> train, ToDoubleFunction<EpochMetrics> validation, boolean unitRange) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("no epochs to chart");
        }
        double[] epochs = history.stream().mapToDouble(EpochMetrics::epoch).toArray();
        List<SvgChart.Series> series = new ArrayList<>();
        series.add(new SvgChart.Series("train", epochs, history.stream().mapToDouble(train).toArray(), TRAIN));
        if (history.get(0).hasValidation()) {
            series.add(new SvgChart.Series("validation", epochs, history.stream().mapToDouble(validation).toArray(), VALIDATION));
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (SvgChart.Series s : series) {
            for (double y : s.y()) {
                if (Double.isFinite(y)) {
                    lo = Math.min(lo, y);
                    hi = Math.max(hi, y);
                }
            }
        }
        double yMin = unitRange ? Math.min(0.9, Math.floor((Double.isFinite(lo) ? lo : 0) * 10) / 10) : 0;
        double yMax = unitRange ? 1 : roundUp(Double.isFinite(hi) ? hi : 1);
        return SvgChart.svg(title, "epoch", quantity, series, 0, history.get(history.size() - 1).epoch(), yMin, yMax, unitRange);
    }

    /** The first round tick at or above {@code v} (the top of a loss axis). */
    private static double roundUp(double v) {
        if (v <= 0) {
            return 1;
        }
        List<Double> t = Decorations.ticks(0, v);
        double step = t.size() > 1 ? t.get(1) - t.get(0) : v;
        return Math.ceil(v / step - 1e-9) * step;
    }
}
