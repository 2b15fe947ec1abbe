package dev.reload.agent.bench;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What one benchmark printed and which budgets it decided.
 *
 * @param tables the figures, the main table first, never empty
 * @param budgets the budgets these figures decide, possibly none, never null
 */
record Section(List<Table> tables, List<BudgetCheck> budgets) {
    Section {
        tables = List.copyOf(tables);
        budgets = List.copyOf(budgets);
    }

    /** A section of one table. */
    Section(Table table, List<BudgetCheck> budgets) {
        this(List.of(table), budgets);
    }

    /** {@return every table, rendered in order} */
    String render() {
        return tables.stream().map(Table::render).collect(Collectors.joining(System.lineSeparator()));
    }
}
