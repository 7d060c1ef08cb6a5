package dev.lvsunit.dsl.ipvs;

import dev.lvsunit.engine.ipvs.ServiceKey;
import dev.lvsunit.engine.net.Ipv4Address;

/**
 * One virtual service of a host's IPVS table, to which real servers are added.
 * Each call is one {@code ipvsadm} command.
 */
public final class VirtualServer {

    private final IpvsAdmin admin;
    private final ServiceKey key;

    VirtualServer(IpvsAdmin admin, ServiceKey key) {
        this.admin = admin;
        this.key = key;
    }

    public ServiceKey key() {
        return key;
    }

    /** {@code ipvsadm -a SERVICE -r ...}. */
    public VirtualServer add(RealServer server) {
        admin.call("ipvsadm -a " + Service.selector(key) + " " + server.arguments(key), IpvsAdmin.Op.ADD_DEST,
                () -> admin.engine().addDest(key, server.settings(key)));
        return this;
    }

    /** {@code ipvsadm -e SERVICE -r ...}: changes weight, method or thresholds. */
    public VirtualServer edit(RealServer server) {
        admin.call("ipvsadm -e " + Service.selector(key) + " " + server.arguments(key), IpvsAdmin.Op.EDIT_DEST,
                () -> admin.engine().editDest(key, server.settings(key)));
        return this;
    }

    /** {@code ipvsadm -d SERVICE -r ADDRESS[:PORT]}. */
    public VirtualServer remove(RealServer server) {
        int port = server.port(key);
        Ipv4Address address = server.address();
        admin.call("ipvsadm -d " + Service.selector(key) + " -r " + address + (key.isFwmark() ? "" : ":" + port),
                IpvsAdmin.Op.DELETE_DEST, () -> admin.engine().deleteDest(key, address, port));
        return this;
    }

    /** This service in the table now. */
    public IpvsTable.ServiceEntry entry() {
        return admin.table().service(key).orElseThrow(() -> new IllegalStateException(Service.selector(key)
                + " is not in the table"));
    }

    @Override
    public String toString() {
        return Service.selector(key);
    }
}
