package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.MemberKey;

import java.util.List;
import java.util.Map;

/**
 * What the last rewrite of a class left running, which the next rewrite of it builds on: its lambda bodies, to
 * match the new version's by code, and its companion, whose methods the new version drops but code from before
 * may still call.
 *
 * @param lambdaHashes the code hashes of the lambda bodies alive now, by key (name and descriptor); never null
 * @param companion the class file of the companion now running, or null when the class has none
 * @param moved the methods that companion holds; empty when none
 */
public record LastRewrite(Map<MemberKey, Long> lambdaHashes, byte[] companion, List<AddedMethod> moved) {
    /** Copies the collections; the array is handed over as it is. */
    public LastRewrite {
        lambdaHashes = Map.copyOf(lambdaHashes);
        moved = List.copyOf(moved);
    }
}
