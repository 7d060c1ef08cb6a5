/**
 * The fluent Java DSL: build simulated networks from Java as a person would
 * at a terminal, and get the spec transcript of what was done.
 *
 * <p>Entry point: {@link dev.lvsunit.dsl.Lab}. A lab has {@link dev.lvsunit.dsl.Host hosts}
 * with {@link dev.lvsunit.dsl.Nic interfaces}, joined by {@link dev.lvsunit.dsl.Lan segments};
 * values are typed ({@link dev.lvsunit.dsl.Addr}, {@link dev.lvsunit.dsl.Route},
 * {@link dev.lvsunit.dsl.SysctlKey} from {@link dev.lvsunit.dsl.Sysctls}); reusable networks are
 * {@link dev.lvsunit.dsl.Topology topologies}. Configuration calls the engine as the commands
 * do (no kernel rule lives here); everything else runs the tools through the shell. Each step is
 * recorded in the {@link dev.lvsunit.dsl.Transcript}, which replays as a spec.
 *
 * <p>Subpackages: {@code capture} (every frame, and typed selections of them), {@code ipvs}
 * (virtual services and real servers), {@code sweep} (spaces of sysctl combinations).
 */
package dev.lvsunit.dsl;
