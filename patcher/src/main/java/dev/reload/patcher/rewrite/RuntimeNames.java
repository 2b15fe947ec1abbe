package dev.reload.patcher.rewrite;

import java.util.List;

/**
 * The names by which rewritten class files reach the agent's runtime classes ({@code dev.reload.runtime},
 * on the boot class path so that every class loader sees them) and the members the patcher adds to
 * watched classes. The patcher only writes these names into class files; it never loads the classes.
 */
public final class RuntimeNames {
    /** Name of the private static synthetic method added at load time that returns the class's own lookup. */
    public static final String ACCESSOR_NAME = "$reload$lookup";
    /** Descriptor of {@link #ACCESSOR_NAME}. */
    public static final String ACCESSOR_DESCRIPTOR = "()Ljava/lang/invoke/MethodHandles$Lookup;";
    /**
     * The names of the members a watched class may get at load and its class file does not declare: what a shape
     * read from that file cannot name.
     */
    public static final List<String> LOAD_TIME_MEMBER_NAMES = List.of(ACCESSOR_NAME);

    /** Internal name of the runtime class holding the bootstrap methods. */
    public static final String LINKAGE = "dev/reload/runtime/Linkage";
    /** Bootstrap linking a call to a moved method: static arguments are the owner class and the method's descriptor. */
    public static final String LINK_METHOD = "method";
    /** Descriptor of {@link #LINK_METHOD}. */
    public static final String LINK_METHOD_DESCRIPTOR = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;Ljava/lang/Class;Ljava/lang/String;)Ljava/lang/invoke/CallSite;";
    /**
     * Bootstrap linking a lambda whose implementation was moved: static arguments are the owner class, the
     * implementation's name and descriptor, 1 for {@code altMetafactory} or 0 for {@code metafactory}, then the
     * original static arguments without the implementation handle.
     */
    public static final String LINK_LAMBDA = "lambda";
    /** Descriptor of {@link #LINK_LAMBDA}. */
    public static final String LINK_LAMBDA_DESCRIPTOR = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;";

    /**
     * Bootstrap linking a read or write of an added field to the runtime's storage: static arguments are the owner
     * class, the field's descriptor and the opcode of the field instruction replaced.
     */
    public static final String LINK_FIELD = "field";
    /** Descriptor of {@link #LINK_FIELD}. */
    public static final String LINK_FIELD_DESCRIPTOR = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;Ljava/lang/Class;Ljava/lang/String;I)Ljava/lang/invoke/CallSite;";

    /**
     * Bootstrap linking the body of a method made to dispatch on its receiver's class, because a reload added an
     * override of it to a subclass: static arguments are the declaring class and the method's descriptor.
     */
    public static final String LINK_DISPATCH = "dispatch";
    /** Descriptor of {@link #LINK_DISPATCH}. */
    public static final String LINK_DISPATCH_DESCRIPTOR = LINK_METHOD_DESCRIPTOR;
    /**
     * Bootstrap linking a {@code super.m()} call made by moved code: static arguments are the class the code was
     * written in, the class the call names and the method's descriptor.
     */
    public static final String LINK_SUPER = "superCall";
    /** Descriptor of {@link #LINK_SUPER}. */
    public static final String LINK_SUPER_DESCRIPTOR = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;Ljava/lang/Class;Ljava/lang/Class;Ljava/lang/String;)"
            + "Ljava/lang/invoke/CallSite;";
    /** Internal name of the runtime class whose bootstrap reaches a nest's members for a class its host does not list. */
    public static final String NEST_ACCESS = "dev/reload/runtime/NestAccess";
    /**
     * Bootstrap linking an access to a member of a nest through the nest host's full-privilege lookup: static
     * arguments are the member's class, its descriptor and the opcode of the instruction replaced ({@code NEW} for a
     * constructor).
     */
    public static final String LINK_NEST_MEMBER = "member";
    /** Descriptor of {@link #LINK_NEST_MEMBER}: that of {@link #LINK_FIELD}. */
    public static final String LINK_NEST_MEMBER_DESCRIPTOR = LINK_FIELD_DESCRIPTOR;
    /**
     * Bootstrap linking a method reference to a member of a nest through the nest host: static arguments are the
     * member's class, name, descriptor and handle kind, 1 for {@code altMetafactory} or 0 for {@code metafactory},
     * then the original static arguments without the implementation handle. Its descriptor is
     * {@link #LINK_LAMBDA_DESCRIPTOR}.
     */
    public static final String LINK_NEST_LAMBDA = "lambda";
    /**
     * Bootstrap linking the making of an object by a constructor a reload added: static arguments are the class and
     * the constructor's descriptor. The call's type takes a placeholder {@code Object} (null) first, then the
     * constructor's parameters, and returns the object.
     */
    public static final String LINK_CONSTRUCTOR = "constructor";
    /**
     * Bootstrap linking, in an added constructor's factory, the call of the constructor it delegates to: static
     * argument is the class declaring that constructor, the class itself ({@code this(...)}) or its superclass
     * ({@code super(...)}); the call's type is that of {@link #LINK_CONSTRUCTOR}.
     */
    public static final String LINK_ALLOCATION = "allocation";
    /** Descriptor of {@link #LINK_ALLOCATION}. */
    public static final String LINK_ALLOCATION_DESCRIPTOR = "(Ljava/lang/invoke/MethodHandles$Lookup;"
            + "Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/Class;)Ljava/lang/invoke/CallSite;";
    /**
     * Bootstrap linking a write of a {@code final} instance field of the running class from an added constructor's
     * factory, which the JVM allows only in the class's own constructors: static argument is the class; the type is
     * the receiver and the value. Its descriptor is {@link #LINK_ALLOCATION_DESCRIPTOR}.
     */
    public static final String LINK_FINAL_FIELD = "finalField";

    /** Name of the companion's static method that makes an object as an added constructor does. */
    public static final String CONSTRUCTOR_FACTORY = "$reload$new";

    /** Internal name of {@code java.lang.invoke.LambdaMetafactory}. */
    public static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";
    /**
     * Internal name of the runtime class whose {@code metafactory} and {@code altMetafactory}, with
     * {@link #LAMBDA_METAFACTORY}'s descriptors, give a lambda linked again after a reload the call site it had.
     */
    public static final String LAMBDA_FACTORIES = "dev/reload/runtime/LambdaFactories";

    /** Prefix, followed by the field's name, of the companion's method that runs an added static field's initializer. */
    public static final String FIELD_INITIALIZER_PREFIX = "$reload$init$";

    /** Suffix of the companion class (a hidden nestmate) that holds a class's moved methods. */
    public static final String COMPANION_SUFFIX = "$$ReloadCompanion";
    /** Suffix, followed by a number, of the named classes whose static bridges lambdas link to. */
    public static final String BRIDGES_SUFFIX = "$$ReloadBridges";

    private RuntimeNames() {
    }
}
