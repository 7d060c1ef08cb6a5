package dev.lvsunit.junit.sweep;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One swept key of a {@link SysctlSweep}. */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Vary {

    /**
     * A {@code net.ipv4.conf} entry ({@code arp_ignore}), placed on every
     * location of {@link SysctlSweep#on()}, or a whole key
     * ({@code net.ipv4.neigh.eth0.locktime}).
     */
    String key();

    /** The values to try. */
    int[] values();
}
