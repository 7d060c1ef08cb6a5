package dev.lvsunit.spec.format;

/**
 * A syntax error in a spec.
 *
 * @param line the 1-based file line number
 * @param message what is wrong, for the user
 */
public record Problem(int line, String message) {
}
