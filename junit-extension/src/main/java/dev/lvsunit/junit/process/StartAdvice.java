package dev.lvsunit.junit.process;

import java.util.function.Function;
import net.bytebuddy.asm.Advice;

/**
 * The code woven into {@code ProcessBuilder.start()}. It is copied into a
 * class of {@code java.base}, so it may only use {@code java.base}: it finds
 * the hook through a holder class in the bootstrap class loader, asks it for
 * a process, and returns that instead of starting one when it gets one.
 */
final class StartAdvice {

    private StartAdvice() {
    }

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    @SuppressWarnings("unchecked")
    static Process enter(@Advice.This ProcessBuilder builder) throws Exception {
        Class<?> holder = Class.forName("dev.lvsunit.boot.ProcessStartHook", false, null);
        Object hook = holder.getField("hook").get(null);
        return hook == null ? null : (Process) ((Function<Object, Object>) hook).apply(builder);
    }

    @Advice.OnMethodExit
    static void exit(@Advice.Enter Process simulated, @Advice.Return(readOnly = false) Process started) {
        if (simulated != null) {
            started = simulated;
        }
    }
}
