package dev.reload.agent.bench;

import java.util.List;

/**
 * What one benchmark printed and which budgets it decided.
 *
 * @param table the figures, never null
 * @param budgets the budgets these figures decide, possibly none, never null
 */
record Section(Table table, List<BudgetCheck> budgets) {
    Section {
        budgets = List.copyOf(budgets);
    }
}
