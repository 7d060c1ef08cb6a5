package dev.lvsunit.engine.ipvs;

import java.util.Random;

/** What the few stateful schedulers need from their surroundings: a clock, randomness, sysctls. */
interface SchedulerEnv {

    /** The virtual clock in nanoseconds. */
    long now();

    /** The world's seeded random source (twos). */
    Random random();

    /** {@code net.ipv4.vs.lblc_expiration} in seconds. */
    int lblcExpiration();

    /** {@code net.ipv4.vs.lblcr_expiration} in seconds. */
    int lblcrExpiration();
}
