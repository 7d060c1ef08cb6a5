package dev.lvsunit.tools.ipvs;

import dev.lvsunit.engine.net.Ipv4Address;

/**
 * glibc's {@code inet_aton}: one to four parts, each decimal, octal (leading
 * 0) or hex (0x); the last part fills the remaining bytes ({@code 10.1} is
 * 10.0.0.1). Trailing white space ends the parse, as in glibc.
 */
final class InetAton {

    private InetAton() {
    }

    /** The address, or {@code null} where {@code inet_aton} returns 0. */
    static Ipv4Address parse(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        String text = s;
        int ws = indexOfWhitespace(text);
        if (ws >= 0) {
            text = text.substring(0, ws);
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long[] v = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long n = number(parts[i]);
            if (n == null) {
                return null;
            }
            v[i] = n;
        }
        long result;
        switch (parts.length) {
            case 1 -> {
                if (v[0] > 0xffffffffL) {
                    return null;
                }
                result = v[0];
            }
            case 2 -> {
                if (v[0] > 255 || v[1] > 0xffffffL) {
                    return null;
                }
                result = (v[0] << 24) | v[1];
            }
            case 3 -> {
                if (v[0] > 255 || v[1] > 255 || v[2] > 0xffff) {
                    return null;
                }
                result = (v[0] << 24) | (v[1] << 16) | v[2];
            }
            default -> {
                for (long x : v) {
                    if (x > 255) {
                        return null;
                    }
                }
                result = (v[0] << 24) | (v[1] << 16) | (v[2] << 8) | v[3];
            }
        }
        return new Ipv4Address((int) result);
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Long number(String p) {
        if (p.isEmpty()) {
            return null;
        }
        try {
            if (p.startsWith("0x") || p.startsWith("0X")) {
                return p.length() == 2 ? 0L : Long.parseLong(p.substring(2), 16);
            }
            if (p.length() > 1 && p.startsWith("0")) {
                return Long.parseLong(p.substring(1), 8);
            }
            if (!p.chars().allMatch(Character::isDigit)) {
                return null;
            }
            return Long.parseLong(p);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
