package org.educommons.ui.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;

/**
 * A horizontal stacked bar chart drawn on the server as SVG: one row per bar with its label above (so
 * that long names stay readable on a phone), segments per series in the series' colour, the total at
 * the end, a legend, and the numbers behind it one click away in a table. Each segment carries its
 * bar, series and value as {@code data-} attributes and a {@code <title>} that screen readers and
 * tooltips show.
 */
public class BarChart extends Div {

    /** A series: its key, what the legend calls it and its colour (a CSS colour). */
    public record Series(String key, String label, String color) {
    }

    /** A bar: its key, label and value per series, in the order of the series. */
    public record Bar(String key, String label, List<Integer> values) {
        int total() {
            return values.stream().mapToInt(Integer::intValue).sum();
        }
    }

    public BarChart(String id, String title, List<Series> series, List<Bar> bars, String numbersLabel, String barHeader,
                    String totalHeader) {
        setId(id);
        addClassName("ec-chart");
        add(new H3(title));
        Div legend = new Div();
        legend.addClassName("ec-chart-legend");
        for (Series s : series) {
            Span key = new Span(s.label());
            key.addClassName("ec-chart-key");
            key.getStyle().set("--ec-key-color", s.color());
            legend.add(key);
        }
        add(legend);
        int max = Math.max(1, bars.stream().mapToInt(Bar::total).max().orElse(0));
        for (Bar bar : bars) {
            Div row = new Div();
            row.addClassName("ec-chart-row");
            Span label = new Span(bar.label());
            label.addClassName("ec-chart-label");
            Span total = new Span(String.valueOf(bar.total()));
            total.addClassName("ec-chart-total");
            Div head = new Div(label, total);
            head.addClassName("ec-chart-head");
            // inside a div: the browser parses the markup as SVG only as inner HTML (a root <svg> element would be
            // created in the HTML namespace and not drawn)
            row.add(head, new Html("<div class=\"ec-chart-plot\">" + svg(bar, series, max) + "</div>"));
            add(row);
        }
        add(numbers(series, bars, numbersLabel, barHeader, totalHeader));
    }

    private static String svg(Bar bar, List<Series> series, int max) {
        StringBuilder svg = new StringBuilder("<svg class=\"ec-chart-bar\" viewBox=\"0 0 1000 10\" preserveAspectRatio=\"none\" "
                + "role=\"img\" aria-label=\"" + escape(bar.label() + ": " + bar.total()) + "\" data-bar=\"" + escape(bar.key()) + "\">");
        double x = 0;
        for (int i = 0; i < series.size(); i++) {
            int value = bar.values().get(i);
            if (value == 0) {
                continue;
            }
            double width = 1000.0 * value / max;
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"ec-chart-segment\" x=\"%.2f\" y=\"0\" width=\"%.2f\" height=\"10\" fill=\"%s\" "
                            + "data-bar=\"%s\" data-series=\"%s\" data-value=\"%d\"><title>%s</title></rect>",
                    x, width, escape(series.get(i).color()), escape(bar.key()), escape(series.get(i).key()), value,
                    escape(bar.label() + " · " + series.get(i).label() + ": " + value)));
            x += width;
        }
        return svg.append("</svg>").toString();
    }

    /** The numbers behind the chart: a row per bar, a column per series and the total. */
    private static Details numbers(List<Series> series, List<Bar> bars, String label, String barHeader, String totalHeader) {
        Grid<Bar> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(Bar::label).setHeader(barHeader).setFlexGrow(3);
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            columns.add(i);
        }
        for (int i : columns) {
            grid.addColumn(b -> b.values().get(i)).setHeader(series.get(i).label()).setFlexGrow(1);
        }
        grid.addColumn(Bar::total).setHeader(totalHeader).setFlexGrow(1);
        grid.setItems(bars);
        grid.addClassName("ec-chart-numbers");
        Details details = new Details(label, grid);
        details.addClassName("ec-chart-details");
        return details;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
