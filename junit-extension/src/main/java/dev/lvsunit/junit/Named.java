package dev.lvsunit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field or parameter for {@link LvsTest} to fill, and names the
 * host, interface or segment it stands for:
 *
 * <ul>
 *   <li>{@code @Named("director") Host director}: the host;</li>
 *   <li>{@code @Named("director:eth1") Nic eth1} (or {@code "director"} for
 *       eth0): the interface;</li>
 *   <li>{@code @Named("net0") Lan net0}: the segment;</li>
 *   <li>{@code @Named Lab lab}, {@code @Named World world},
 *       {@code @Named Capture capture}: the test's lab, world and capture (a
 *       name is not needed).</li>
 * </ul>
 * A parameter of one of these types needs no annotation when the name is
 * not needed, or when the class is compiled with {@code -parameters} and the
 * parameter is named after the host or segment.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Named {

    /** The host, {@code host:interface} or segment name. */
    String value() default "";
}
