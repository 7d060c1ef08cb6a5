package dev.lvsunit.spec.engine;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.link.CapturedFrame;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.link.Segment;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.spec.backend.BackendException;
import dev.lvsunit.spec.backend.CommandOutcome;
import dev.lvsunit.spec.backend.LanMember;
import dev.lvsunit.spec.backend.Session;
import dev.lvsunit.tools.Execution;
import dev.lvsunit.tools.Shell;
import dev.lvsunit.tools.tcpdump.Tcpdump;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One spec on one fresh world. */
final class EngineSession implements Session {

    private final World world = new World();
    private final Shell shell = new Shell(world);
    /** For each segment, how many captured frames earlier {@code @tcpdump}s printed. */
    private final Map<String, Integer> dumped = new HashMap<>();

    @Override
    public void host(String name) {
        if (world.host(name).isEmpty()) {
            world.addHost(name);
        }
    }

    @Override
    public void lan(String segmentName, List<LanMember> members) {
        if (world.segment(segmentName).isPresent()) {
            throw new BackendException("segment " + segmentName + " is defined twice");
        }
        Segment segment = world.addSegment(segmentName);
        dumped.put(segmentName, 0);
        for (LanMember m : members) {
            host(m.host());
            Host host = world.host(m.host()).orElseThrow();
            MacAddress mac = MacAddress.tryParse(m.mac());
            if (mac == null) {
                throw new BackendException("not a MAC address: " + m.mac());
            }
            NetDevice dev = host.device(m.device()).orElse(null);
            if (dev == null) {
                dev = host.addEthernet(m.device(), mac);
            } else if (dev.isLoopback()) {
                throw new BackendException(m.host() + ":" + m.device() + " is the loopback device");
            } else if (dev.segment() != null) {
                throw new BackendException(m.host() + ":" + m.device() + " is already on segment "
                        + dev.segment().name());
            }
            segment.attach(dev);
        }
    }

    @Override
    public CommandOutcome run(String hostName, String commandLine) {
        host(hostName);
        world.runFor(EngineBackend.COMMAND_GAP_NANOS);
        Execution e = shell.run(hostName, commandLine);
        return new CommandOutcome(e.output(), e.exitStatus());
    }

    @Override
    public CommandOutcome tcpdump(String segmentName, List<String> arguments) {
        Segment segment = world.segment(segmentName)
                .orElseThrow(() -> new BackendException("no segment " + segmentName));
        world.runFor(EngineBackend.COMMAND_GAP_NANOS);
        List<CapturedFrame> all = segment.capture();
        int from = dumped.getOrDefault(segmentName, 0);
        dumped.put(segmentName, all.size());
        Execution e = Tcpdump.dump(all.subList(from, all.size()), arguments);
        return new CommandOutcome(e.output(), e.exitStatus());
    }

    @Override
    public void close() {
        // a world holds no outside resources
    }
}
