package dev.lvsunit.spec.backend;

/**
 * A backend cannot do what a spec asks for reasons outside the spec's
 * commands: no root rights for namespaces, an impossible topology. The message
 * is for the user, without a stack trace.
 */
public class BackendException extends RuntimeException {
    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
