package dev.reload.agent.reload;

import dev.reload.patcher.diff.BatchDiff;
import dev.reload.patcher.diff.Change;
import dev.reload.patcher.diff.TypeChange;
import dev.reload.patcher.diff.Verdict;
import dev.reload.patcher.shape.ClassShape;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows numbered classes ({@code Outer$1}: anonymous classes, switch maps) by their code across a batch: when
 * an anonymous class is inserted before another, the running {@code Outer$1}'s file now holds other code, and
 * redefining it would give its objects that code. Such a class's verdict says so, and it is refused.
 */
final class RenumberedClasses {
    private RenumberedClasses() {
    }

    /**
     * {@return the candidates, those whose running class's code moved to another number judged as such}
     *
     * @param candidates the batch's candidates, never null
     * @param running what each candidate's class is judged against, in the same order, never null
     * @param updated the shapes of every file of the batch, never null
     */
    static List<Candidate> followed(List<Candidate> candidates, List<ClassShape> running, Collection<ClassShape> updated) {
        if (running.stream().noneMatch(RenumberedClasses::numbered)) {
            return candidates;
        }
        Map<String, Verdict> renumbered = new HashMap<>();
        for (Verdict verdict : BatchDiff.judge(running, updated)) {
            if (isRenumbered(verdict)) {
                renumbered.put(verdict.className(), verdict);
            }
        }
        List<Candidate> followed = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Verdict verdict = renumbered.get(candidate.verdict().className());
            followed.add(verdict == null ? candidate
                    : new Candidate(candidate.loaded(), candidate.file(), verdict, candidate.takesNewMembers()));
        }
        return followed;
    }

    /** {@return true when the verdict says the file holds another numbered class's code} */
    static boolean isRenumbered(Verdict verdict) {
        for (Change change : verdict.changes()) {
            if (change instanceof TypeChange.AnonymousClassRenumbered) {
                return true;
            }
        }
        return false;
    }

    private static boolean numbered(ClassShape shape) {
        String name = shape.internalName();
        int dollar = name.lastIndexOf('$');
        return dollar > 0 && dollar < name.length() - 1
                && name.substring(dollar + 1).chars().allMatch(Character::isDigit);
    }
}
