package dev.lvsunit.tools.spi;

/**
 * A command used an option or form that lvsunit does not model. The shell
 * prints {@code lvsunit: not supported: MESSAGE} and exits 2.
 */
public final class NotSupportedException extends RuntimeException {
    public NotSupportedException(String message) {
        super(message);
    }
}
