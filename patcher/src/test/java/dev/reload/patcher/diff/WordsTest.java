package dev.reload.patcher.diff;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How descriptors and signatures read in reports. */
class WordsTest {
    @Test
    void descriptorsReadAsSourceTypes() {
        assertEquals("int", Words.type("I"));
        assertEquals("String[][]", Words.type("[[Ljava/lang/String;"));
        assertEquals("Player$Stats", Words.type("Ldemo/Player$Stats;"));
        assertEquals("update(float, String[])", Words.method("demo/Player", "update", "(F[Ljava/lang/String;)V"));
        assertEquals("constructor Player(int)", Words.method("demo/Player", "<init>", "(I)V"));
        assertEquals("constructor Inner()", Words.method("demo/Player$Inner", "<init>", "()V"));
        assertEquals("static initializer", Words.method("demo/Player", "<clinit>", "()V"));
        assertEquals("static int clamp(int)", Words.methodWithType("demo/Player", "clamp", "(I)I", 0x000A));
    }

    @Test
    void aLambdaWhoseBodyMethodChangedModifiersReadsAsTheLambdaItIs() {
        int privateSynthetic = 0x1002;
        int privateStaticSynthetic = 0x100A;
        assertEquals("lambda changed in a constructor or field initializer: it no longer uses this",
                new MethodChange.ModifiersChanged("demo/Player", "lambda$new$0", "()Ljava/lang/String;",
                        privateSynthetic, privateStaticSynthetic).describe());
        assertEquals("lambda changed in update: it now uses this", new MethodChange.ModifiersChanged("demo/Player",
                "lambda$update$2", "()V", privateStaticSynthetic, privateSynthetic).describe());
        assertEquals("method modifiers changed: label(): private → public", new MethodChange.ModifiersChanged(
                "demo/Player", "label", "()Ljava/lang/String;", 0x0002, 0x0001).describe());
    }

    @Test
    void signaturesReadAsGenericSourceTypes() {
        assertEquals("List<String>", SignatureWords.of("Ljava/util/List<Ljava/lang/String;>;"));
        assertEquals("Map<String, ? extends Number>",
                SignatureWords.of("Ljava/util/Map<Ljava/lang/String;+Ljava/lang/Number;>;"));
        assertEquals("List<?>[]", SignatureWords.of("[Ljava/util/List<*>;"));
        assertEquals("Comparator<? super T>", SignatureWords.of("Ljava/util/Comparator<-TT;>;"));
        assertEquals("Outer<String>.Inner<int[]>",
                SignatureWords.of("Ldemo/Outer<Ljava/lang/String;>.Inner<[I>;"));
        assertEquals("Lbroken<", SignatureWords.of("Lbroken<"));
    }
}
