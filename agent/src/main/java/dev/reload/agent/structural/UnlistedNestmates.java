package dev.reload.agent.structural;

import dev.reload.agent.index.CapturedClass;
import dev.reload.agent.index.LoadedClassIndex;
import dev.reload.patcher.rewrite.NestAttributes;
import dev.reload.patcher.rewrite.UnlistedNestmate;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.FieldShape;
import dev.reload.patcher.shape.MethodShape;
import dev.reload.patcher.shape.UnreadableClassException;

import org.objectweb.asm.Opcodes;

import java.lang.instrument.Instrumentation;

/**
 * Lets a nested class that a reload added ({@code Outer$Badge}, an inner or local class, a nested record, enum or
 * interface) load and run as part of its outer class's nest, under its own name, although the running outer class
 * cannot list it in {@code NestMembers}: the class is made its own nest host as it loads ({@link UnlistedNestmate}),
 * and each later version of it is made so the same way before it is judged, so that it redefines like any class.
 * Thread-safe; called on loading threads and on the reload thread.
 */
public final class UnlistedNestmates {
    private final LoadedClassIndex index;
    private final Instrumentation instrumentation;

    /**
     * @param index the classes loaded from watched directories, never null
     * @param instrumentation the agent's instrumentation, to put the runtime on the boot class path, never null
     */
    public UnlistedNestmates(LoadedClassIndex index, Instrumentation instrumentation) {
        this.index = index;
        this.instrumentation = instrumentation;
    }

    /**
     * {@return the class file of a loading class made its own nest host when its nest host runs already and does
     * not list it; else {@code classFile} itself} Reads only the outline of the bytes unless it rewrites them.
     *
     * @param loader the defining loader, never null
     * @param internalName the loading class's internal name, never null
     * @param classFile its class file, never null; not modified
     */
    public byte[] atLoad(ClassLoader loader, String internalName, byte[] classFile) {
        if (internalName.indexOf('$') < 0) {
            return classFile; // javac, ECJ and kotlinc name every nested class Outer$...: most classes stop here
        }
        String host = NestAttributes.nestHostOf(classFile);
        if (host == null) {
            return classFile;
        }
        CapturedClass running = index.get(loader, host);
        try {
            if (running == null || running.listsNestMember(internalName)) {
                return classFile; // a nestmate as compiled, or a host that will load the file that lists it
            }
        } catch (UnreadableClassException e) {
            return classFile;
        }
        RuntimeJar.install(instrumentation);
        return UnlistedNestmate.rewrite(classFile, new HostNest(loader, host, running));
    }

    /**
     * {@return a new version of a running class made its own nest host as its running version was at load, or
     * {@code updated} itself when the running version was not made so}
     *
     * @param loader the class's defining loader, never null
     * @param running the shape of the running version, never null
     * @param updated the new class file as compiled, never null; not modified
     * @param updatedHost the nest host the new class file names, or null
     */
    public byte[] likeRunning(ClassLoader loader, ClassShape running, byte[] updated, String updatedHost) {
        if (running.nestHost() != null || updatedHost == null) {
            return updated;
        }
        CapturedClass host = index.get(loader, updatedHost);
        try {
            if (host == null || host.listsNestMember(running.internalName())) {
                return updated; // not one this class made its own host: the judge says what changed
            }
        } catch (UnreadableClassException e) {
            return updated;
        }
        return UnlistedNestmate.rewrite(updated, new HostNest(loader, updatedHost, host));
    }

    /**
     * {@return a class file of the nest of {@code host} made its own nest host, as it would be if it loaded now and
     * the host did not list it} How a numbered class's file is compared with a running one that loaded so.
     *
     * @param loader the loader of the host, never null
     * @param host the nest host's internal name, never null
     * @param classFile the class file as compiled, never null; not modified
     */
    public byte[] asOwnHost(ClassLoader loader, String host, byte[] classFile) {
        CapturedClass running = index.get(loader, host);
        return running == null ? classFile : UnlistedNestmate.rewrite(classFile, new HostNest(loader, host, running));
    }

    /**
     * Tells which accesses need the host's lookup: those to a private member of a class the running host lists
     * (or to any member of such a class that is not loaded yet, whose access is unknown).
     */
    private final class HostNest implements UnlistedNestmate.NestPrivacy {
        private final ClassLoader loader;
        private final String host;
        private final CapturedClass running;

        HostNest(ClassLoader loader, String host, CapturedClass running) {
            this.loader = loader;
            this.host = host;
            this.running = running;
        }

        @Override
        public boolean needsNestAccess(String owner, String name, String descriptor) {
            try {
                if (!owner.equals(host) && !running.listsNestMember(owner)) {
                    return false; // outside the nest, or a class added to it since, whose members are widened
                }
                CapturedClass declaring = index.get(loader, owner);
                return declaring == null || isPrivate(declaring.shape(), name, descriptor);
            } catch (UnreadableClassException e) {
                return true; // the host's lookup reaches any member
            }
        }

        /**
         * {@return true when the running class declares the member private} A member it lacks was added by a
         * reload and is reached through the runtime's links, which the engine writes.
         */
        private static boolean isPrivate(ClassShape shape, String name, String descriptor) {
            int access = descriptor.startsWith("(")
                    ? shape.method(name, descriptor).map(MethodShape::access).orElse(0)
                    : shape.field(name).filter(field -> field.descriptor().equals(descriptor))
                            .map(FieldShape::access).orElse(0);
            return (access & Opcodes.ACC_PRIVATE) != 0;
        }
    }
}
