package demo;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReloadNoticeTest {
    @Test
    void reportLineBecomesAShortNotice() {
        assertEquals("reloaded demo.Player (render) in 4 ms",
                ReloadNotice.describe("[reload] 1 class in 4 ms: demo.Player (render)"));
        assertEquals("reloaded demo.Player (update, render), demo.Hud (render) in 12 ms",
                ReloadNotice.describe("[reload] 2 classes in 12 ms: demo.Player (update, render), demo.Hud (render)"));
    }

    @Test
    void otherReportLinesAreShownAsTheyAre() {
        assertEquals("demo.Player: field added, nothing was changed",
                ReloadNotice.describe("[reload] demo.Player: field added, nothing was changed"));
    }

    @Test
    void withoutAReportTheNoticeIsGeneric() {
        assertEquals(ReloadNotice.FALLBACK, ReloadNotice.describe(null));
        assertEquals(ReloadNotice.FALLBACK, ReloadNotice.describe(" "));
    }

    @Test
    void hookReadsTheReportTheAgentPublished() {
        String previous = System.getProperty(ReloadNotice.REPORT_PROPERTY);
        try {
            System.setProperty(ReloadNotice.REPORT_PROPERTY, "[reload] 1 class in 3 ms: demo.World (update)");
            long before = System.nanoTime();
            ReloadNotice.show();
            assertEquals("reloaded demo.World (update) in 3 ms", ReloadNotice.message());
            assertEquals(1f, ReloadNotice.opacity(before));
            assertEquals(0f, ReloadNotice.opacity(before + 5_000_000_000L));
        } finally {
            if (previous == null) {
                System.clearProperty(ReloadNotice.REPORT_PROPERTY);
            } else {
                System.setProperty(ReloadNotice.REPORT_PROPERTY, previous);
            }
        }
    }
}
