package dev.lvsunit.spec;

import dev.lvsunit.spec.backend.Backend;
import dev.lvsunit.spec.backend.BackendException;
import dev.lvsunit.spec.backend.CommandOutcome;
import dev.lvsunit.spec.backend.LanMember;
import dev.lvsunit.spec.backend.Session;
import dev.lvsunit.spec.format.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs specs on a {@link Backend}.
 *
 * <p>For one spec:
 * <ol>
 *   <li>open a {@link Session} (a fresh, empty world);</li>
 *   <li>feed it the directives and commands in file order: {@code @lan} with
 *       resolved members, {@code @tcpdump}, and each command, after
 *       {@link Session#host} for a host that no earlier step created;</li>
 *   <li>compare each command's outcome with its output block, recording a
 *       {@link Mismatch} and going on when they differ;</li>
 *   <li>stop at a {@link BackendException} or any other exception from the
 *       backend, recording it as the result's error;</li>
 *   <li>close the session, also after an error.</li>
 * </ol>
 * A runner holds no state between runs; it is as thread-safe as its backend.
 */
public final class SpecRunner {

    private final Backend backend;

    /** A runner on {@code backend}. */
    public SpecRunner(Backend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    /** Runs one spec; never throws for anything the spec or the backend does. */
    public SpecResult run(Spec spec) {
        List<Step> steps = spec.transcript().steps();
        List<CommandOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            outcomes.add(null);
        }
        List<Mismatch> mismatches = new ArrayList<>();
        Session session;
        try {
            session = backend.open();
        } catch (RuntimeException e) {
            return new SpecResult(spec, backend.name(), mismatches, spec.name() + ": " + describe(e), e, outcomes);
        }
        Set<String> hosts = new HashSet<>();
        int current = 0;
        try {
            for (; current < steps.size(); current++) {
                Step step = steps.get(current);
                if (step instanceof Step.Lan lan) {
                    session.lan(lan.segment(), lan.members());
                    lan.members().stream().map(LanMember::host).forEach(hosts::add);
                    continue;
                }
                CommandOutcome outcome;
                if (step instanceof Step.Command command) {
                    if (hosts.add(command.host())) {
                        session.host(command.host());
                    }
                    outcome = session.run(command.host(), command.commandLine());
                } else {
                    Step.Tcpdump tcpdump = (Step.Tcpdump) step;
                    outcome = session.tcpdump(tcpdump.segment(), tcpdump.arguments());
                }
                Objects.requireNonNull(outcome, "the backend returned no outcome");
                outcomes.set(current, outcome);
                Outputs.check(spec.name(), (Step.Checked) step, outcome).ifPresent(mismatches::add);
            }
        } catch (RuntimeException e) {
            String where = spec.name() + ":" + steps.get(current).line().number() + ": ";
            return new SpecResult(spec, backend.name(), mismatches, where + describe(e), e, outcomes);
        } finally {
            closeQuietly(session);
        }
        return new SpecResult(spec, backend.name(), mismatches, null, null, outcomes);
    }

    private static String describe(RuntimeException e) {
        if (e instanceof BackendException) {
            return e.getMessage();
        }
        return "internal error in the backend: " + e;
    }

    private static void closeQuietly(Session session) {
        try {
            session.close();
        } catch (RuntimeException ignored) {
            // Session.close() must not throw; a broken backend must not hide the result.
        }
    }
}
