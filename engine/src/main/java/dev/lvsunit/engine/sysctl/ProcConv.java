package dev.lvsunit.engine.sysctl;

/**
 * How an integer proc handler of {@code kernel/sysctl.c} turns the number
 * written into the stored {@code int} and back into text. Times are stored in
 * jiffies of a kernel built with {@code HZ=250} and {@code USER_HZ=100}
 * (Debian's and the reference kernel's configuration), so a millisecond value
 * is rounded up to 4 ms and a {@code USER_HZ} value loses precision, exactly as
 * on such a kernel: {@code retrans_time_ms=1} reads back as {@code 4}.
 */
enum ProcConv {

    /** {@code do_proc_dointvec_conv}: the number itself, refused outside {@code int}. */
    INT {
        @Override
        Integer toStored(ProcInput v) {
            long m = v.magnitude();
            if (v.negative()) {
                if (Long.compareUnsigned(m, (long) Integer.MAX_VALUE + 1) > 0) {
                    return null;
                }
                return (int) -m;
            }
            if (Long.compareUnsigned(m, Integer.MAX_VALUE) > 0) {
                return null;
            }
            return (int) m;
        }

        @Override
        String format(int stored) {
            return Integer.toString(stored);
        }
    },

    /** {@code do_proc_dointvec_jiffies_conv}: seconds, stored as {@code seconds * HZ}. */
    JIFFIES {
        @Override
        Integer toStored(ProcInput v) {
            if (Long.compareUnsigned(v.magnitude(), Integer.MAX_VALUE / HZ) > 0) {
                return null;
            }
            int j = (int) v.magnitude() * HZ;
            return v.negative() ? -j : j;
        }

        @Override
        String format(int stored) {
            return signed(stored, magnitude(stored) / HZ);
        }
    },

    /**
     * {@code do_proc_dointvec_userhz_jiffies_conv}: hundredths of a second
     * ({@code clock_t}), stored through {@code clock_t_to_jiffies}; any
     * negative value becomes {@code ~0UL}, that is -1 jiffy, which reads back
     * as {@code -0}.
     */
    USERHZ_JIFFIES {
        @Override
        Integer toStored(ProcInput v) {
            if (Long.compareUnsigned(v.magnitude(), (Long.MAX_VALUE / HZ) * USER_HZ) > 0) {
                return null;
            }
            long x = v.negative() ? -v.magnitude() : v.magnitude();
            // clock_t_to_jiffies for HZ % USER_HZ != 0
            if (Long.compareUnsigned(x, Long.divideUnsigned(-1L, HZ) * USER_HZ) >= 0) {
                return -1;
            }
            return (int) Long.divideUnsigned(x * HZ, USER_HZ);
        }

        @Override
        String format(int stored) {
            // jiffies_to_clock_t: x * TICK_NSEC / (NSEC_PER_SEC / USER_HZ)
            return signed(stored, magnitude(stored) * TICK_NSEC / (NSEC_PER_SEC / USER_HZ));
        }
    },

    /**
     * {@code do_proc_dointvec_ms_jiffies_conv}: milliseconds through
     * {@code msecs_to_jiffies} (an {@code unsigned int} argument: the value is
     * cut to 32 bits, and anything that is then negative as an {@code int},
     * every negative number among them, is refused).
     */
    MS_JIFFIES {
        @Override
        Integer toStored(ProcInput v) {
            long x = v.negative() ? -v.magnitude() : v.magnitude();
            int m = (int) x;
            if (m < 0) {
                return null; // MAX_JIFFY_OFFSET > INT_MAX
            }
            return (int) (((long) m + MSEC_PER_JIFFY - 1) / MSEC_PER_JIFFY);
        }

        @Override
        String format(int stored) {
            // jiffies_to_msecs returns an unsigned int
            return signed(stored, (MSEC_PER_JIFFY * magnitude(stored)) & 0xffffffffL);
        }
    };

    /** {@code CONFIG_HZ}. */
    static final int HZ = 250;
    /** {@code USER_HZ}, the unit of {@code clock_t}. */
    static final int USER_HZ = 100;
    static final int MSEC_PER_JIFFY = 1000 / HZ;
    private static final long NSEC_PER_SEC = 1_000_000_000L;
    private static final long TICK_NSEC = NSEC_PER_SEC / HZ;

    /**
     * The value to store, or {@code null} where the conversion fails and the
     * write is EINVAL.
     */
    abstract Integer toStored(ProcInput v);

    /** The text a read shows, without newline. */
    abstract String format(int stored);

    private static long magnitude(int stored) {
        return Math.abs((long) stored);
    }

    /** {@code proc_put_long}: a minus sign whenever the stored value is negative, even before a 0. */
    private static String signed(int stored, long magnitude) {
        return (stored < 0 ? "-" : "") + Long.toUnsignedString(magnitude);
    }
}
