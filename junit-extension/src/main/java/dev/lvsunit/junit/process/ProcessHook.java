package dev.lvsunit.junit.process;

import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Function;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.modifier.Ownership;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.loading.ClassInjector;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Installs, once per JVM, the interception of {@code ProcessBuilder.start()}:
 *
 * <ol>
 *   <li>attaches ByteBuddy's agent to the running JVM (JDK 9 and later
 *       allow it through a helper process; on JDK 21 and later the JVM prints
 *       a warning unless started with {@code -XX:+EnableDynamicAgentLoading});</li>
 *   <li>defines {@code dev.lvsunit.boot.ProcessStartHook} in the bootstrap
 *       class loader (with {@code Unsafe.defineClass}, else through a jar
 *       appended to the boot class path): one static field that
 *       {@code java.base} code can see;</li>
 *   <li>retransforms {@code java.lang.ProcessBuilder} so that {@code start()}
 *       first asks the hook (see {@link StartAdvice});</li>
 *   <li>puts the {@link Dispatcher} in the hook.</li>
 * </ol>
 * Retransformation does not change the class's shape, so it works on a
 * class the JVM has already loaded. The hook is the one piece of JVM-wide
 * state, and it is inherent: there is one {@code ProcessBuilder} class. What
 * it does is decided per thread by {@link SimulatedProcesses}.
 */
final class ProcessHook {

    private static final String HOLDER = "dev.lvsunit.boot.ProcessStartHook";
    private static boolean installed;

    private ProcessHook() {
    }

    /** Installs the interception if it is not yet; thread-safe. */
    static synchronized void install() {
        if (installed) {
            return;
        }
        Instrumentation instrumentation;
        try {
            instrumentation = ByteBuddyAgent.install();
        } catch (RuntimeException e) {
            throw new IllegalStateException("lvsunit cannot attach its agent to intercept ProcessBuilder: " + e
                    + " (run on a JDK, not a JRE, or start the JVM with -javaagent:byte-buddy-agent.jar)", e);
        }
        Class<?> holder = defineHolder(instrumentation);
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                .ignore(ElementMatchers.none())
                .type(ElementMatchers.named("java.lang.ProcessBuilder"))
                .transform((builder, type, loader, module, domain) -> builder.visit(Advice.to(StartAdvice.class)
                        .on(ElementMatchers.named("start").and(ElementMatchers.takesArguments(0)))))
                .installOn(instrumentation);
        try {
            Field hook = holder.getField("hook");
            hook.set(null, (Function<Object, Object>) Dispatcher::dispatch);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        installed = true;
    }

    /** The bootstrap holder: {@code public static volatile Function hook}. */
    private static Class<?> defineHolder(Instrumentation instrumentation) {
        try {
            return Class.forName(HOLDER, false, null);
        } catch (ClassNotFoundException notYet) {
            // defined below
        }
        DynamicType.Unloaded<Object> type = new ByteBuddy()
                .subclass(Object.class)
                .name(HOLDER)
                .modifiers(Visibility.PUBLIC, net.bytebuddy.description.modifier.TypeManifestation.FINAL)
                .defineField("hook", Function.class, Visibility.PUBLIC, Ownership.STATIC,
                        net.bytebuddy.description.modifier.FieldManifestation.VOLATILE)
                .make();
        try {
            // Unsafe.defineClass, made reachable through the instrumentation, defines the class in the
            // bootstrap loader directly; appending a jar to the boot class path would also work but
            // makes the JVM print a class-data-sharing warning.
            ClassInjector.UsingUnsafe.Factory unsafe = ClassInjector.UsingUnsafe.Factory.resolve(instrumentation);
            ClassInjector injector;
            if (unsafe.isAvailable()) {
                injector = unsafe.make(null, null);
            } else {
                File folder = Files.createTempDirectory("lvsunit-boot").toFile();
                folder.deleteOnExit();
                injector = ClassInjector.UsingInstrumentation.of(folder,
                        ClassInjector.UsingInstrumentation.Target.BOOTSTRAP, instrumentation);
            }
            Map<TypeDescription, Class<?>> loaded = injector.inject(Map.of(type.getTypeDescription(), type.getBytes()));
            Class<?> holder = loaded.values().iterator().next();
            if (!Modifier.isStatic(holder.getField("hook").getModifiers())) {
                throw new IllegalStateException(HOLDER + " has no static hook");
            }
            return holder;
        } catch (IOException | ReflectiveOperationException e) {
            throw new IllegalStateException("lvsunit cannot define " + HOLDER + ": " + e, e);
        }
    }
}
