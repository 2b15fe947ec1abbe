package dev.reload.agent.bench;

/**
 * One budget of DESIGN.md against the figure measured for it.
 *
 * @param what what the budget is about, never null
 * @param budget the budget as DESIGN.md states it, never null
 * @param measured the figure from this run, never null
 * @param met whether the figure is within the budget
 */
record BudgetCheck(String what, String budget, String measured, boolean met) {
}
