package io.wharf.web.console;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BarChartTest {
    @Test
    void theLargestDayFillsTheChartAndTheOthersScaleToIt() {
        BarChart chart = BarChart.of(List.of(new BarChart.Point("d1", 10, "10"), new BarChart.Point("d2", 5, "5"),
                new BarChart.Point("d3", 0, "0")));
        assertEquals(BarChart.HEIGHT - 4, chart.bars().get(0).h(), 0.01);
        assertEquals((BarChart.HEIGHT - 4) / 2.0, chart.bars().get(1).h(), 0.1);
        assertEquals(1, chart.bars().get(2).h(), 0.01, "an empty day shows a sliver");
        assertEquals(BarChart.HEIGHT, chart.bars().get(0).y() + chart.bars().get(0).h(), 0.01, "bars stand on the axis");
        assertTrue(chart.bars().get(2).x() + chart.bars().get(2).w() <= BarChart.WIDTH);
    }

    @Test
    void aChartWithNothingYetSaysSo() {
        BarChart chart = BarChart.of(List.of(new BarChart.Point("d1", 0, "0"), new BarChart.Point("d2", 0, "0")));
        assertTrue(chart.empty());
        assertEquals(2, chart.bars().size());
    }
}
