package dev.lvsunit.engine.sysctl;

/**
 * How the kernel combines {@code conf/all/X} with {@code conf/IFACE/X}: the
 * accessor macros of {@code include/linux/inetdevice.h}.
 */
public enum Combine {
    /** {@code IN_DEV_CONF_GET}: the interface's value alone. */
    DEV {
        @Override
        int apply(int all, int dev) {
            return dev;
        }
    },
    /** {@code IN_DEV_ORCONF}: 1 if either is non-zero. */
    OR {
        @Override
        int apply(int all, int dev) {
            return (all != 0 || dev != 0) ? 1 : 0;
        }
    },
    /** {@code IN_DEV_ANDCONF}: 1 if both are non-zero. */
    AND {
        @Override
        int apply(int all, int dev) {
            return (all != 0 && dev != 0) ? 1 : 0;
        }
    },
    /** {@code IN_DEV_MAXCONF}: the larger, as signed integers. */
    MAX {
        @Override
        int apply(int all, int dev) {
            return Math.max(all, dev);
        }
    };

    abstract int apply(int all, int dev);
}
