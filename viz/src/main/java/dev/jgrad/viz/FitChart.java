package dev.jgrad.viz;

import dev.jgrad.data.Dataset;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A regression model of one feature drawn over its data: the points (x, target) and the fitted
 * function as a line, in PNG or SVG. The function is any {@code x → prediction}, so the chart never
 * needs to know which engine, scaler or loss made it.
 *
 * <pre>{@code
 * FitChart.write(data, x -> predictor.value(x), "sine: 2000 epochs", Path.of("fit.png"));
 * }</pre>
 */
public final class FitChart {
    /** Points along the x range the function is drawn through. */
    static final int SAMPLES = 200;

    private FitChart() {
    }

    /** The chart of {@code data} (1 feature, regression targets) and {@code fit} to {@code target} (.png). */
    public static void write(Dataset data, DoubleUnaryOperator fit, String title, Path target) {
        Charts.write(chart(data, fit, title), target);
    }

    static XYChart chart(Dataset data, DoubleUnaryOperator fit, String title) {
        if (data.features() != 1 || data.targets() == null || data.size() == 0) {
            throw new IllegalArgumentException("a fitted-function chart needs regression data of 1 feature; " + data.name()
                    + " has " + data.features() + " features and is for " + data.task().id());
        }
        double[] x = new double[data.size()];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            x[i] = data.points()[i][0];
            lo = Math.min(lo, x[i]);
            hi = Math.max(hi, x[i]);
        }
        double[] curveX = new double[SAMPLES];
        double[] curveY = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            curveX[i] = lo + (hi - lo) * i / (SAMPLES - 1);
            curveY[i] = fit.applyAsDouble(curveX[i]);
        }
        XYChart chart = new XYChartBuilder().width(640).height(400).title(title).xAxisTitle("x").yAxisTitle("target").build();
        Styler.ChartTheme theme = Styler.ChartTheme.Matlab;
        chart.getStyler().setTheme(theme.newInstance(theme));
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBorderVisible(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setXAxisDecimalPattern("0.0");
        chart.getStyler().setYAxisDecimalPattern("0.00");
        chart.getStyler().setLocale(Locale.ROOT);
        XYSeries points = chart.addSeries("data", x, data.targets().clone());
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setMarkerColor(new Color(0x2166ac));
        XYSeries line = chart.addSeries("model", curveX, curveY);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(new Color(0xd6604d));
        line.setLineStyle(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        return chart;
    }
}
