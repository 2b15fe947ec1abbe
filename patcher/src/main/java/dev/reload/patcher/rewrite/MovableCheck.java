package dev.reload.patcher.rewrite;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** Refuses added methods that cannot live in a companion as static methods. */
final class MovableCheck {
    private MovableCheck() {
    }

    static void check(MethodNode method, String binaryName) throws UnsupportedEditException {
        // An added constructor moves as a factory (ConstructorFactory).
        String member = method.name + CallSiteRedirector.signatureWords(method.desc);
        if (method.name.equals("<clinit>")) {
            throw new UnsupportedEditException(binaryName, "static initializer added",
                    "the class is initialized already");
        }
        if ((method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            throw new UnsupportedEditException(binaryName, "method added: " + member,
                    "an abstract or native method cannot be added to a running class");
        }
    }

    /** Refuses the rare case of a moved instance method whose static form equals another moved method. */
    static void requireDistinctCompanionMethods(Collection<AddedMethod> moved, String ownerInternalName,
                                                String binaryName) throws UnsupportedEditException {
        Set<String> seen = new HashSet<>();
        for (AddedMethod method : moved) {
            if (!seen.add(method.name() + method.staticDescriptor(ownerInternalName))) {
                throw new UnsupportedEditException(binaryName, "method added: " + method.name()
                        + CallSiteRedirector.signatureWords(method.descriptor()),
                        "a static method of the same name takes this class as its first parameter");
            }
        }
    }
}
