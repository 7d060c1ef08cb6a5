package dev.lvsunit.spec.backend;

import java.util.Objects;

/**
 * One member of an {@code @lan} directive, fully resolved.
 *
 * @param host the host name
 * @param device the interface name, such as {@code eth0}
 * @param mac the interface's MAC address in lower-case colon form,
 *     {@code 02:00:00:00:01:01}
 */
public record LanMember(String host, String device, String mac) {
    public LanMember {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(mac, "mac");
    }
}
