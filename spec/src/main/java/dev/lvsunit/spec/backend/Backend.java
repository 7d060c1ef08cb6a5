package dev.lvsunit.spec.backend;

/**
 * Where the commands of a spec run: the simulated engine or real Linux hosts.
 *
 * <p>A backend is a factory of {@link Session sessions}; one session is one
 * scenario (one spec file), starting from an empty world.
 */
public interface Backend {

    /** A short name for reports, such as {@code engine} or {@code kernel}. */
    String name();

    /**
     * Opens a fresh, empty world.
     *
     * @throws BackendException if the world cannot be made (for the kernel
     *     backend: not root, no namespaces)
     */
    Session open();
}
