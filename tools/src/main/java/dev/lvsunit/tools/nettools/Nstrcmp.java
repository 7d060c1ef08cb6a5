package dev.lvsunit.tools.nettools;

import java.util.Comparator;

/**
 * {@code nstrcmp} of net-tools ({@code lib/nstrcmp.c}, the 2004 rewrite):
 * the order in which ifconfig lists interfaces and alias labels. Names
 * compare by their text up to the trailing number, then by that number, then
 * by the number of a {@code :N} alias suffix (none sorts first), so
 * {@code eth2 < eth10} and {@code eth0 < eth0:0 < eth0:9 < eth0:10}.
 */
final class Nstrcmp implements Comparator<String> {

    static final Nstrcmp INSTANCE = new Nstrcmp();

    @Override
    public int compare(String ap, String bp) {
        String[] a = cutAlias(ap);
        String[] b = cutAlias(bp);
        int aindex = rindexNondigit(a[0]);
        int bindex = rindexNondigit(b[0]);
        int complen = Math.min(aindex, bindex);
        int res = strncmp(a[0], b[0], complen);
        if (res != 0) {
            return res;
        }
        if (aindex != bindex) {
            return aindex > bindex ? 1 : -1;
        }
        int av = atoi(a[0].substring(aindex));
        int bv = atoi(b[0].substring(bindex));
        if (av != bv) {
            return av < bv ? -1 : 1;
        }
        av = a[1] == null ? -1 : atoi(a[1]);
        bv = b[1] == null ? -1 : atoi(b[1]);
        return Integer.compare(av, bv);
    }

    /** {@code cutalias}: splits off a numeric {@code :N} suffix. */
    private static String[] cutAlias(String name) {
        boolean digit = false;
        for (int pos = name.length(); pos > 0; pos--) {
            char c = name.charAt(pos - 1);
            if (c == ':' && digit) {
                return new String[] {name.substring(0, pos - 1), name.substring(pos)};
            }
            if (!isDigit(c)) {
                break;
            }
            digit = true;
        }
        return new String[] {name, null};
    }

    /** {@code rindex_nondigit}: the length of the name without its trailing digits. */
    private static int rindexNondigit(String name) {
        for (int pos = name.length(); pos > 0; pos--) {
            if (!isDigit(name.charAt(pos - 1))) {
                return pos;
            }
        }
        return 0;
    }

    private static int strncmp(String a, String b, int n) {
        for (int i = 0; i < n; i++) {
            char ca = i < a.length() ? a.charAt(i) : 0;
            char cb = i < b.length() ? b.charAt(i) : 0;
            if (ca != cb) {
                return ca - cb;
            }
            if (ca == 0) {
                return 0;
            }
        }
        return 0;
    }

    private static int atoi(String s) {
        int v = 0;
        for (int i = 0; i < s.length() && isDigit(s.charAt(i)) && v < 100_000_000; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
