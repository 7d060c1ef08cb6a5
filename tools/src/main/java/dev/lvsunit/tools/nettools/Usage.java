package dev.lvsunit.tools.nettools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The usage texts of net-tools 2.10, as a terminal shows them (the lists of
 * address families and hardware types, written to the other stream, in their
 * place), kept as resources next to this class.
 */
public final class Usage {

    private Usage() {
    }

    /** The text of resource {@code NAME-usage.txt} of {@code owner}'s package, with its final newline. */
    public static String text(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name + "-usage.txt")) {
            if (in == null) {
                throw new IllegalStateException("no usage text " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
