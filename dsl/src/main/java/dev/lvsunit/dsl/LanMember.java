package dev.lvsunit.dsl;

/**
 * What {@link Lab#lan} joins: a {@link Host} (its {@code eth0}) or a
 * {@link Nic}, as the {@code HOST} and {@code HOST:IF} members of the spec
 * format's {@code @lan}.
 */
public sealed interface LanMember permits Host, Nic {

    /** The interface that joins. */
    Nic nic();
}
