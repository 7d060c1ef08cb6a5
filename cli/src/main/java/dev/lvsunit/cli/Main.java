package dev.lvsunit.cli;

/**
 * Entry point of {@code ./lvsunit}. See {@code ./lvsunit --help}.
 *
 * <p>Runs on the engine backend ({@code dev.lvsunit.spec.engine.EngineBackend})
 * unless {@code --kernel} selects {@code dev.lvsunit.kernel.KernelBackend} or
 * {@code --backend=CLASS} another class; backends are looked up by name.
 */
public final class Main {

    private Main() {
    }

    /** Runs and exits: 0 all passed, 1 some failed, 2 usage error. */
    public static void main(String[] args) {
        System.exit(new Cli(System.out, System.err).run(args));
    }
}
