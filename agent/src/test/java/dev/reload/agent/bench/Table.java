package dev.reload.agent.bench;

import java.util.ArrayList;
import java.util.List;

/** A text table with a title, a header row and left-aligned first column, printed in aligned columns. */
final class Table {
    private final String title;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * @param title the line printed above the table, never null
     * @param header the column names, never null
     */
    Table(String title, String... header) {
        this.title = title;
        rows.add(header);
    }

    /** Adds a row; it must have as many cells as the header. */
    Table row(String... cells) {
        if (cells.length != rows.get(0).length) {
            throw new IllegalArgumentException("row of " + cells.length + " cells in a table of " + rows.get(0).length);
        }
        rows.add(cells);
        return this;
    }

    /** Adds a line printed under the table. */
    Table note(String line) {
        notes.add(line);
        return this;
    }

    /** {@return the table as Markdown-compatible text: a title line, then rows of cells between bars} */
    String render() {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(Math.max(widths[i], row[i].length()), 3);
            }
        }
        StringBuilder text = new StringBuilder("### ").append(title).append("\n\n");
        for (int r = 0; r < rows.size(); r++) {
            appendRow(text, rows.get(r), widths);
            if (r == 0) {
                String[] rule = new String[widths.length];
                for (int i = 0; i < widths.length; i++) {
                    // Markdown alignment: the names column left, the figures right.
                    rule[i] = i == 0 ? "-".repeat(widths[i]) : "-".repeat(widths[i] - 1) + ":";
                }
                appendRow(text, rule, widths);
            }
        }
        for (String note : notes) {
            text.append('\n').append(note).append('\n');
        }
        return text.toString();
    }

    private static void appendRow(StringBuilder text, String[] cells, int[] widths) {
        text.append('|');
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i];
            String padding = " ".repeat(widths[i] - cell.length());
            text.append(' ').append(i == 0 ? cell + padding : padding + cell).append(" |");
        }
        text.append('\n');
    }
}
