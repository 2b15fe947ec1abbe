package dev.reload.agent.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReloadReportTest {
    @Test
    void appliedBatchNamesEachClassWithItsChangedMethods() {
        ReloadReport report = new ReloadReport(ReloadReport.Outcome.APPLIED,
                List.of(new ReloadedClass("demo.Player", List.of("update", "render")),
                        new ReloadedClass("demo.Hud", List.of("draw"))),
                List.of(), Duration.ofMillis(4));
        assertEquals("2 classes in 4 ms: demo.Player (update, render), demo.Hud (draw)", report.summary());
    }

    @Test
    void editsFollowTheChangedMethodsOfTheirClass() {
        ReloadReport report = new ReloadReport(ReloadReport.Outcome.APPLIED,
                List.of(new ReloadedClass("demo.Player", List.of("update"), List.of("method added: void jump()")),
                        new ReloadedClass("demo.Hud", List.of(), List.of("lambda added in draw()", "field added: int x")),
                        new ReloadedClass("demo.Map", List.of())),
                List.of(), Duration.ofMillis(5));
        assertEquals("3 classes in 5 ms: demo.Player (update, method added: void jump()), "
                + "demo.Hud (lambda added in draw(), field added: int x), demo.Map", report.summary());
        assertEquals("demo.Hud (lambda added in draw(), field added: int x)", report.classes().get(1).describe());
    }

    @Test
    void oneClassWithOnlyDebugInformationChangedIsNamedAlone() {
        ReloadReport report = new ReloadReport(ReloadReport.Outcome.APPLIED,
                List.of(new ReloadedClass("demo.Player", List.of())), List.of(), Duration.ofMillis(7));
        assertEquals("1 class in 7 ms: demo.Player", report.summary());
    }

    @Test
    void refusalSaysNothingWasChangedAndGivesTheReason() {
        String reason = "demo.Player: field added: int health — cannot be reloaded yet; restart to apply";
        ReloadReport one = new ReloadReport(ReloadReport.Outcome.REFUSED, List.of(), List.of(reason), Duration.ZERO);
        assertEquals("refused, nothing was changed: " + reason, one.summary());
        ReloadReport two = new ReloadReport(ReloadReport.Outcome.REFUSED, List.of(), List.of(reason, reason),
                Duration.ZERO);
        assertEquals("refused, nothing was changed (2 reasons):", two.summary());
    }
}
