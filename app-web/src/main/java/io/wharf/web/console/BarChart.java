package io.wharf.web.console;

import java.util.ArrayList;
import java.util.List;

/**
 * A small bar chart drawn on the server as SVG (no script, nothing loaded from elsewhere): one bar a day, scaled to
 * the largest value, each bar with its day and value as a tooltip and in a table the chart stands for.
 */
public record BarChart(List<Bar> bars, double max, int width, int height) {
    static final int WIDTH = 600;
    static final int HEIGHT = 120;

    /** One bar: its place and size in the drawing, the day it stands for and its value as the reader reads it. */
    public record Bar(double x, double y, double w, double h, String day, String value) {
    }

    /** A point of a series: its day and its value. */
    public record Point(String day, double value, String shown) {
    }

    static BarChart of(List<Point> points) {
        double max = points.stream().mapToDouble(Point::value).max().orElse(0);
        double slot = points.isEmpty() ? WIDTH : (double) WIDTH / points.size();
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            // An empty day still shows a sliver, so the axis reads as days rather than gaps.
            double h = max <= 0 ? 1 : Math.max(1, p.value() / max * (HEIGHT - 4));
            bars.add(new Bar(round(i * slot + slot * 0.1), round(HEIGHT - h), round(slot * 0.8), round(h), p.day(), p.shown()));
        }
        return new BarChart(bars, max, WIDTH, HEIGHT);
    }

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }

    public boolean empty() {
        return max <= 0;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
