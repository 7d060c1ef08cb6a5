package dev.lvsunit.cli;

import dev.lvsunit.spec.backend.Backend;
import dev.lvsunit.spec.backend.BackendException;
import java.lang.reflect.InvocationTargetException;

/** Finds backends by class name, so the CLI compiles before every backend exists. */
final class Backends {

    private Backends() {
    }

    /**
     * An instance of the named {@link Backend} class, made with its public
     * no-arg constructor.
     *
     * @throws BackendException with a message for the user when the class is
     *     missing, is not a backend, or its constructor fails
     */
    static Backend instantiate(String className) {
        Class<?> type;
        try {
            type = Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new BackendException("backend " + className + " is not on the class path (not written or not built yet?)");
        }
        if (!Backend.class.isAssignableFrom(type)) {
            throw new BackendException(className + " does not implement " + Backend.class.getName());
        }
        try {
            return (Backend) type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BackendException backendException) {
                throw backendException;
            }
            throw new BackendException("backend " + className + " failed to start: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new BackendException("backend " + className + " has no public no-arg constructor");
        }
    }
}
