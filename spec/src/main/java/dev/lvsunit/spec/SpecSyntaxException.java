package dev.lvsunit.spec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A spec file that does not follow the format: an unknown directive, a bad
 * {@code @lan} member, {@code [0]}, output above every command, a bad regular
 * expression. Lists every error of the file, each naming {@code file:line}.
 */
public final class SpecSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * One syntax error.
     *
     * @param file the spec's name as the user gave it
     * @param line the 1-based line number in the file
     * @param message what is wrong
     */
    public record Error(String file, int line, String message) {
        /** {@code file:line: message}. */
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    private final transient List<Error> errors;

    SpecSyntaxException(List<Error> errors) {
        super(errors.stream().map(Error::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    /** Every error, in file order; never empty. */
    public List<Error> errors() {
        return errors;
    }
}
