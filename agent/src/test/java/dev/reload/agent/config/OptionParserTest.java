package dev.reload.agent.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionParserTest {
    private static final Properties NONE = new Properties();

    @Test
    void noOptionsGiveTheDefaults() throws BadOptionException {
        assertEquals(AgentConfig.defaults(), OptionParser.parse(null, NONE));
        assertEquals(AgentConfig.defaults(), OptionParser.parse("", NONE));
    }

    @Test
    void readsEveryKeyFromAgentArguments() throws BadOptionException {
        AgentConfig config = OptionParser.parse("watch=/a/b,quiet=20,log=debug,poll=250", NONE);
        assertEquals(List.of(Path.of("/a/b")), config.watchDirectories());
        assertEquals(Duration.ofMillis(20), config.quietPeriod());
        assertEquals(LogLevel.DEBUG, config.logLevel());
        assertEquals(Optional.of(Duration.ofMillis(250)), config.pollInterval());
    }

    @Test
    void agentArgumentsWinOverSystemProperties() throws BadOptionException {
        Properties properties = new Properties();
        properties.setProperty("reload.log", "off");
        properties.setProperty("reload.quiet", "7");
        AgentConfig config = OptionParser.parse("log=system", properties);
        assertEquals(LogLevel.SYSTEM, config.logLevel());
        assertEquals(Duration.ofMillis(7), config.quietPeriod());
    }

    @Test
    void syncNamesAClassAndAMethodOrManual() throws BadOptionException {
        assertEquals(Optional.of(new SyncTarget("demo.Game", "update")),
                OptionParser.parse("sync=demo.Game.update", NONE).syncPoint());
        assertEquals(Optional.of(SyncTarget.MANUAL), OptionParser.parse("sync=manual", NONE).syncPoint());
        BadOptionException bad = assertThrows(BadOptionException.class, () -> OptionParser.parse("sync=update", NONE));
        assertTrue(bad.getMessage().contains("needs CLASS.METHOD, such as demo.Game.update"), bad.getMessage());
    }

    @Test
    void assetsTakesAPathSeparatedListAlsoAsASystemProperty() throws BadOptionException {
        String list = "/levels" + java.io.File.pathSeparator + "/shaders";
        assertEquals(List.of(Path.of("/levels"), Path.of("/shaders")),
                OptionParser.parse("assets=" + list, NONE).assetDirectories());
        Properties properties = new Properties();
        properties.setProperty("reload.assets", "/levels");
        assertEquals(List.of(Path.of("/levels")), OptionParser.parse("", properties).assetDirectories());
        assertEquals(List.of(), AgentConfig.defaults().assetDirectories());
        BadOptionException empty = assertThrows(BadOptionException.class, () -> OptionParser.parse("assets=", NONE));
        assertTrue(empty.getMessage().contains("option 'assets' needs at least one directory"), empty.getMessage());
    }

    @Test
    void watchTakesAPathSeparatedList() throws BadOptionException {
        String list = "/one" + java.io.File.pathSeparator + "/two";
        assertEquals(List.of(Path.of("/one"), Path.of("/two")), OptionParser.parse("watch=" + list, NONE).watchDirectories());
    }

    @Test
    void srcTurnsCompileModeOn() throws BadOptionException {
        String list = "/one" + java.io.File.pathSeparator + "/two";
        AgentConfig config = OptionParser.parse("src=" + list, NONE);
        assertEquals(List.of(Path.of("/one"), Path.of("/two")), config.sourceDirectories());
        assertTrue(config.compilesSources());
        assertTrue(config.watchesClassPath(), "src= leaves the class directories to watch as they were");
        assertEquals(false, AgentConfig.defaults().compilesSources());
        assertMessage("src=", "src", "at least one directory");
    }

    @Test
    void unknownKeyIsNamed() {
        BadOptionException e = assertThrows(BadOptionException.class, () -> OptionParser.parse("nosuchkey=1", NONE));
        assertEquals("nosuchkey", e.key());
        assertTrue(e.getMessage().contains("unknown option 'nosuchkey'"), e.getMessage());
    }

    @Test
    void unknownSystemPropertyKeyIsNamed() {
        Properties properties = new Properties();
        properties.setProperty("reload.qiuet", "5");
        BadOptionException e = assertThrows(BadOptionException.class, () -> OptionParser.parse(null, properties));
        assertEquals("qiuet", e.key());
    }

    @Test
    void badValuesSayWhatIsExpected() {
        assertMessage("quiet=soon", "quiet", "whole number of milliseconds");
        assertMessage("quiet=-1", "quiet", "from 0 to");
        assertMessage("poll=0", "poll", "from 1 to");
        assertMessage("log=loud", "log", "info, debug, off, system");
        assertMessage("watch=", "watch", "at least one directory");
        assertMessage("quiet", "quiet", "key=value");
    }

    private static void assertMessage(String arguments, String key, String fragment) {
        BadOptionException e = assertThrows(BadOptionException.class, () -> OptionParser.parse(arguments, NONE));
        assertEquals(key, e.key());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
