package demo;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ReloadNoticeTest {
    @Test
    void reportLineBecomesAShortNotice() {
        assertEquals(new ReloadNotice.Text("reloaded demo.Player (render) in 4 ms", "reloaded 1 class in 4 ms"),
                ReloadNotice.describe("[reload] 1 class in 4 ms: demo.Player (render)"));
        assertEquals(new ReloadNotice.Text("reloaded demo.Player (update, render), demo.Hud (render) in 12 ms",
                        "reloaded 2 classes in 12 ms"),
                ReloadNotice.describe("[reload] 2 classes in 12 ms: demo.Player (update, render), demo.Hud (render)"));
    }

    @Test
    void otherReportLinesAreShownAsTheyAre() {
        String refusal = "demo.Player: field added, nothing was changed";
        assertEquals(new ReloadNotice.Text(refusal, refusal), ReloadNotice.describe("[reload] " + refusal));
    }

    @Test
    void withoutAReportTheNoticeIsGeneric() {
        assertEquals(ReloadNotice.FALLBACK, ReloadNotice.describe(null).full());
        assertEquals(ReloadNotice.FALLBACK, ReloadNotice.describe(" ").brief());
    }

    @Test
    void hookReadsTheReportTheAgentPublished() {
        String previous = System.getProperty(ReloadNotice.REPORT_PROPERTY);
        try {
            System.setProperty(ReloadNotice.REPORT_PROPERTY, "[reload] 1 class in 3 ms: demo.World (update)");
            long before = System.nanoTime();
            ReloadNotice.show();
            assertEquals("reloaded demo.World (update) in 3 ms", ReloadNotice.text().full());
            assertEquals(1f, ReloadNotice.opacity(before));
            assertEquals(0f, ReloadNotice.opacity(before + 5_000_000_000L));

            ReloadNotice.Text shown = ReloadNotice.text();
            ReloadNotice.show();
            assertSame(shown, ReloadNotice.text(), "the hook of a second class in the same batch shows nothing new");
        } finally {
            if (previous == null) {
                System.clearProperty(ReloadNotice.REPORT_PROPERTY);
            } else {
                System.setProperty(ReloadNotice.REPORT_PROPERTY, previous);
            }
        }
    }
}
