package dev.reload.agent.watch;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssetFilesTest {
    private static final Path ROOT = Path.of("/game/classes");

    @Test
    void anyOtherFileIsAnAsset() {
        for (String name : List.of("palette.txt", "demo/level1.json", "shaders/sprite.frag", "Makefile", "a.png")) {
            assertTrue(AssetFiles.isAsset(ROOT, ROOT.resolve(name)), name);
        }
    }

    @Test
    void classFilesSourcesAndEditorsLeftoversAreNot() {
        for (String name : List.of("demo/Player.class", "demo/Player.java", "demo/.palette.txt.swp", "palette.txt.swo",
                "palette.txt~", "palette.txt.tmp", "palette.txt___jb_tmp___", "palette.txt___jb_old___", "4913",
                "#palette.txt#", ".DS_Store")) {
            assertFalse(AssetFiles.isAsset(ROOT, ROOT.resolve(name)), name);
        }
    }

    @Test
    void nothingInAHiddenDirectoryOrTheBuildsMetaInfBelowTheRootIsAnAsset() {
        assertFalse(AssetFiles.isAsset(ROOT, ROOT.resolve(".git/index")));
        assertFalse(AssetFiles.isAsset(ROOT, ROOT.resolve("META-INF/main.kotlin_module")));
        assertTrue(AssetFiles.isAsset(ROOT, ROOT.resolve("levels/META-INF/level.txt")));
        assertTrue(AssetFiles.isAsset(Path.of("/home/me/.game/assets"), Path.of("/home/me/.game/assets/level.txt")),
                "a hidden directory above the root is the user's choice");
    }
}
