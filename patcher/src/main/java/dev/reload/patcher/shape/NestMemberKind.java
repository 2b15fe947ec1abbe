package dev.reload.patcher.shape;

/** What a class listed in a nest host's {@code NestMembers} attribute is, as far as the host's file tells. */
public enum NestMemberKind {
    /** A named nested class ({@code Outer$Inner}), or one the host's file says nothing more about. */
    NAMED,
    /** An anonymous class ({@code Outer$1}): its number shifts when another is inserted before it. */
    ANONYMOUS,
    /** javac's synthetic holder of {@code $SwitchMap$} arrays for enum switches in the host. */
    SWITCH_MAP
}
