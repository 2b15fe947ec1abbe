package dev.reload.patcher.diff;

import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.MethodShape;
import dev.reload.patcher.shape.SyntheticNames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

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
        pair((o, n) -> o.sameName(n) && o.sameCode(n), false);
        pair((o, n) -> o.sameHost(n) && o.sameCode(n), false);
        pair((o, n) -> o.sameHost(n) && o.sameName(n), true);
        pair((o, n) -> o.sameHost(n) && o.method().descriptor().equals(n.method().descriptor()), true);
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

    /** Pairs every old lambda with the first unpaired new one the test accepts, and takes both out. */
    private void pair(BiPredicate<Lambda, Lambda> test, boolean codeChanged) {
        for (Lambda old : List.copyOf(olds)) {
            for (Lambda now : news) {
                if (test.test(old, now)) {
                    paired(old, now, codeChanged);
                    olds.remove(old);
                    news.remove(now);
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
