package dev.lvsunit.dsl.ipvs;

import dev.lvsunit.dsl.CommandFailedException;
import dev.lvsunit.dsl.CommandResult;
import dev.lvsunit.dsl.Host;
import dev.lvsunit.engine.ipvs.IpvsConn;
import dev.lvsunit.engine.ipvs.IpvsException;
import dev.lvsunit.engine.ipvs.ServiceKey;
import dev.lvsunit.engine.ipvs.VirtualService;
import dev.lvsunit.tools.Execution;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The IPVS table of one host, changed as {@code ipvsadm} changes it: each
 * call is one {@code ipvsadm} command in the transcript.
 *
 * <pre>{@code
 * VirtualServer web = director.ipvs().add(tcp("192.168.0.101", 80).scheduler(RR)); // ipvsadm -A -t 192.168.0.101:80 -s rr
 * web.add(realServer("192.168.0.8")).add(realServer("192.168.0.9"));               // ipvsadm -a -t ... -r 192.168.0.8 -g -w 1
 * }</pre>
 */
public final class IpvsAdmin {

    private final Host host;
    private final Steps steps;

    /**
     * What the admin needs from the lab: a step on the host that the
     * transcript records. Given by {@link Host#ipvs()}.
     */
    @FunctionalInterface
    public interface Steps {
        CommandResult step(String commandLine, java.util.function.Supplier<Execution> action);
    }

    public IpvsAdmin(Host host, Steps steps) {
        this.host = Objects.requireNonNull(host);
        this.steps = Objects.requireNonNull(steps);
    }

    /** The engine's IPVS of the host (loaded on first use, as {@code modprobe ip_vs}). */
    public dev.lvsunit.engine.ipvs.Ipvs engine() {
        return host.engine().ipvs();
    }

    /**
     * {@code ipvsadm -A SERVICE}: adds a virtual service.
     *
     * @throws CommandFailedException {@code Service already exists}, an unknown scheduler...
     */
    public VirtualServer add(Service service) {
        call("ipvsadm -A " + service.arguments(), Op.ADD, () -> engine().addService(service.key(), service.settings()));
        return new VirtualServer(this, service.key());
    }

    /** {@code ipvsadm -E SERVICE}: changes its scheduler or persistence. */
    public VirtualServer edit(Service service) {
        call("ipvsadm -E " + service.arguments(), Op.EDIT, () -> engine().editService(service.key(), service.settings()));
        return new VirtualServer(this, service.key());
    }

    /** {@code ipvsadm -D SERVICE}. */
    public IpvsAdmin delete(Service service) {
        call("ipvsadm -D " + service.selector(), Op.DELETE, () -> engine().deleteService(service.key()));
        return this;
    }

    /** {@code ipvsadm -C}: clears the table. */
    public IpvsAdmin clear() {
        call("ipvsadm -C", Op.FLUSH, () -> engine().flush());
        return this;
    }

    /** The virtual service with {@code service}'s key, to add real servers to (no command). */
    public VirtualServer service(Service service) {
        return new VirtualServer(this, service.key());
    }

    /** The table now: services in the order ipvsadm lists them (as added), each with its real servers. */
    public IpvsTable table() {
        List<IpvsTable.ServiceEntry> services = new ArrayList<>();
        for (VirtualService s : engine().services()) {
            List<IpvsTable.RealServerEntry> dests = new ArrayList<>();
            for (dev.lvsunit.engine.ipvs.RealServer d : s.destinations()) {
                dests.add(new IpvsTable.RealServerEntry(d.address(), d.port(), d.forward(), d.weight(),
                        d.activeConns(), d.inactConns(), d.persistConns()));
            }
            services.add(new IpvsTable.ServiceEntry(s.key(), Service.selector(s.key()), s.settings().scheduler(),
                    s.settings().persistent() ? s.settings().timeout() : 0, dests));
        }
        return new IpvsTable(host.name(), services);
    }

    /** The connection table now ({@code ipvsadm -L -c -n}). */
    public List<IpvsConn> connections() {
        return engine().connections();
    }

    // ---- commands

    enum Op { ADD, EDIT, DELETE, FLUSH, ADD_DEST, EDIT_DEST, DELETE_DEST }

    @FunctionalInterface
    interface IpvsCall {
        void call() throws IpvsException;
    }

    void call(String commandLine, Op op, IpvsCall action) {
        CommandResult r = steps.step(commandLine, () -> {
            try {
                action.call();
                return new Execution("", 0);
            } catch (IpvsException e) {
                return new Execution(strerror(op, e.error()) + "\n", 255);
            }
        });
        if (r.exitStatus() != 0) {
            throw new CommandFailedException(r);
        }
    }

    /** {@code ipvs_strerror} of ipvsadm: the message per operation and errno. */
    static String strerror(Op op, IpvsException.Error error) {
        switch (error) {
            case EEXIST:
                return op == Op.ADD ? "Service already exists" : op == Op.ADD_DEST ? "Destination already exists"
                        : "File exists";
            case ENOENT:
                return op == Op.ADD || op == Op.EDIT ? "Scheduler or persistence engine not found"
                        : op == Op.EDIT_DEST || op == Op.DELETE_DEST ? "No such destination" : "No such file or directory";
            case ESRCH:
                return op == Op.ADD_DEST || op == Op.EDIT_DEST || op == Op.DELETE_DEST ? "Service not defined"
                        : op == Op.EDIT || op == Op.DELETE ? "No such service" : "No such process";
            case EINVAL:
                return "Invalid operation.  Possibly wrong module version, address not unicast, ...";
            default:
                return "Numerical result out of range";
        }
    }

    @Override
    public String toString() {
        return "ipvs of " + host.name();
    }
}
