package dev.reload.patcher.diff;

/**
 * Writes a generic field type signature (JVMS 4.7.9.1) as source code does, without packages:
 * {@code Ljava/util/Map<Ljava/lang/String;+Ljava/lang/Number;>;} becomes
 * {@code Map<String, ? extends Number>}.
 */
final class SignatureWords {
    private final String signature;
    private int at;

    private SignatureWords(String signature) {
        this.signature = signature;
    }

    /** {@return the type in source words, or the signature as it is when it is not one this reads} */
    static String of(String signature) {
        try {
            SignatureWords reader = new SignatureWords(signature);
            StringBuilder text = new StringBuilder();
            reader.type(text);
            return reader.at == signature.length() ? text.toString() : signature;
        } catch (IndexOutOfBoundsException e) {
            // A signature from a broken class file: say it as it is rather than fail a report over it.
            return signature;
        }
    }

    private void type(StringBuilder text) {
        char c = signature.charAt(at++);
        switch (c) {
            case '[' -> {
                type(text);
                text.append("[]");
            }
            case 'T' -> {
                int end = signature.indexOf(';', at);
                text.append(signature, at, end);
                at = end + 1;
            }
            case 'L' -> classType(text);
            default -> text.append(Words.type(String.valueOf(c)));
        }
    }

    /** Reads {@code a/b/C<args>.Inner<args>;} after its {@code L}. */
    private void classType(StringBuilder text) {
        while (true) {
            int nameStart = at;
            while ("<.;".indexOf(signature.charAt(at)) < 0) {
                at++;
            }
            simpleName(text, nameStart);
            if (signature.charAt(at) == '<') {
                typeArguments(text);
            }
            if (signature.charAt(at++) == ';') {
                return;
            }
            text.append('.');
        }
    }

    private void simpleName(StringBuilder text, int nameStart) {
        String name = signature.substring(nameStart, at);
        text.append(name.substring(name.lastIndexOf('/') + 1));
    }

    private void typeArguments(StringBuilder text) {
        at++;
        text.append('<');
        boolean first = true;
        while (signature.charAt(at) != '>') {
            text.append(first ? "" : ", ");
            first = false;
            char c = signature.charAt(at);
            if (c == '*') {
                at++;
                text.append('?');
                continue;
            }
            if (c == '+' || c == '-') {
                at++;
                text.append(c == '+' ? "? extends " : "? super ");
            }
            type(text);
        }
        at++;
        text.append('>');
    }
}
