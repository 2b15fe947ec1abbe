package dev.reload.patcher.diff;

import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.MethodShape;
import dev.reload.patcher.shape.SyntheticNames;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pairs the lambda bodies of two versions of a class by what they are, not by their numbered names:
 * javac 17 numbers {@code lambda$update$N} across the class, javac 25 per method, ECJ {@code lambda$N}
 * across the class, so one inserted lambda renames others. A lambda is its host method (the method whose
 * code creates it), its descriptor (captured types, then parameters) and its code hash.
 */
final class LambdaMatcher {
    /** One lambda body and the method it belongs to. */
    private record Lambda(MethodShape method, String hostName, String hostDescriptor) {
        boolean sameHost(Lambda other) {
            return hostName.equals(other.hostName) && hostDescriptor.equals(other.hostDescriptor);
        }

        boolean sameName(Lambda other) {
            return method.name().equals(other.method.name()) && method.descriptor().equals(other.method.descriptor());
        }

        boolean sameCode(Lambda other) {
            return method.descriptor().equals(other.method.descriptor())
                    && method.codeHash() == other.method.codeHash();
        }
    }

    /**
     * The rules that pair an old lambda with a new one, tried in this order. Named constants rather than lambdas:
     * every save's diff runs them, and each lambda would spin a class that every later redefinition walks.
     */
    private enum Pairing {
        /** Same name and same code: unchanged. */
        SAME_NAME_AND_CODE(false),
        /** Same host and same code: renumbered. */
        SAME_HOST_AND_CODE(false),
        /** Same host and same name: its code changed. */
        SAME_HOST_AND_NAME(true),
        /** Same host and same descriptor: renumbered, and its code changed. */
        SAME_HOST_AND_DESCRIPTOR(true);

        private final boolean codeChanged;

        Pairing(boolean codeChanged) {
            this.codeChanged = codeChanged;
        }

        boolean accepts(Lambda old, Lambda now) {
            if (this == SAME_NAME_AND_CODE) {
                return old.sameName(now) && old.sameCode(now);
            } else if (this == SAME_HOST_AND_CODE) {
                return old.sameHost(now) && old.sameCode(now);
            } else if (this == SAME_HOST_AND_NAME) {
                return old.sameHost(now) && old.sameName(now);
            }
            return old.sameHost(now) && old.method().descriptor().equals(now.method().descriptor());
        }
    }

    private final String owner;
    private final List<Lambda> olds;
    private final List<Lambda> news;
    private final List<Lambda[]> renamed = new ArrayList<>();
    private final List<Change> changes;

    private LambdaMatcher(ClassShape running, ClassShape updated, List<Change> changes) {
        this.owner = updated.internalName();
        this.olds = lambdas(running);
        this.news = lambdas(updated);
        this.changes = changes;
    }

    static void compare(ClassShape running, ClassShape updated, List<Change> changes) {
        new LambdaMatcher(running, updated, changes).match();
    }

    private void match() {
        for (Pairing pairing : Pairing.values()) {
            pair(pairing);
        }
        for (Lambda lambda : news) {
            changes.add(new LambdaChange.Added(owner, lambda.hostName(), lambda.hostDescriptor()));
        }
        for (Lambda lambda : olds) {
            changes.add(new LambdaChange.Removed(owner, lambda.hostName(), lambda.hostDescriptor()));
        }
        if (news.isEmpty() && olds.isEmpty()) {
            reportRenumbering();
        }
    }

    /** Pairs every old lambda with the first unpaired new one the rule accepts, and takes both out. */
    private void pair(Pairing pairing) {
        // Taken out by position, not with List.remove(Object): that would call the record's own equals, linked
        // through java.lang.runtime.ObjectMethods on first use, which spins method-handle classes in the program.
        for (Iterator<Lambda> unpaired = olds.iterator(); unpaired.hasNext(); ) {
            Lambda old = unpaired.next();
            for (int i = 0; i < news.size(); i++) {
                if (pairing.accepts(old, news.get(i))) {
                    paired(old, news.get(i), pairing.codeChanged);
                    unpaired.remove();
                    news.remove(i);
                    break;
                }
            }
        }
    }

    private void paired(Lambda old, Lambda now, boolean codeChanged) {
        if (!old.sameName(now)) {
            renamed.add(new Lambda[] {old, now});
        }
        if (old.method().access() != now.method().access()) {
            changes.add(new MethodChange.ModifiersChanged(owner, now.method().name(), now.method().descriptor(),
                    old.method().access(), now.method().access()));
        }
        if (codeChanged) {
            changes.add(new LambdaChange.BodyChanged(owner, now.hostName(), now.hostDescriptor()));
        }
    }

    /**
     * Reports renamed lambda methods, one change per host. Only needed when no lambda was added or removed:
     * then the renaming is the one thing the running JVM would refuse; otherwise it follows from the
     * addition or removal and would only bury it.
     */
    private void reportRenumbering() {
        Map<String, List<Lambda[]>> byHost = new LinkedHashMap<>();
        for (Lambda[] pair : renamed) {
            byHost.computeIfAbsent(pair[1].hostName() + pair[1].hostDescriptor(), k -> new ArrayList<>()).add(pair);
        }
        for (List<Lambda[]> pairs : byHost.values()) {
            Lambda host = pairs.get(0)[1];
            changes.add(new LambdaChange.Renumbered(owner, host.hostName(), host.hostDescriptor(),
                    pairs.stream().map(p -> p[0].method().name()).toList(),
                    pairs.stream().map(p -> p[1].method().name()).toList()));
        }
    }

    private static List<Lambda> lambdas(ClassShape shape) {
        List<Lambda> lambdas = new ArrayList<>();
        for (MethodShape method : shape.methods()) {
            if (SyntheticNames.isLambda(method.name())) {
                MethodShape host = host(shape, method);
                lambdas.add(new Lambda(method, host.name(), host.descriptor()));
            }
        }
        return lambdas;
    }

    /**
     * {@return the method a lambda belongs to: the creator of its creator ... up to the first method that
     * is no lambda; else the method javac named it after; else the lambda itself}
     */
    private static MethodShape host(ClassShape shape, MethodShape lambda) {
        MethodShape current = lambda;
        for (int depth = 0; depth < 64 && SyntheticNames.isLambda(current.name()); depth++) {
            Optional<MethodShape> creator = shape.creatorOf(current);
            if (creator.isEmpty()) {
                break;
            }
            current = creator.get();
        }
        if (!SyntheticNames.isLambda(current.name())) {
            return current;
        }
        String named = SyntheticNames.hostFromLambdaName(lambda.name());
        if (named != null) {
            for (MethodShape method : shape.methods()) {
                if (method.name().equals(named)) {
                    return method;
                }
            }
        }
        return lambda;
    }
}
