package dev.lvsunit.engine.link;

/**
 * How a received frame was addressed, as {@code eth_type_trans} classifies it
 * into {@code skb->pkt_type}.
 */
public enum PacketType {
    /** {@code PACKET_HOST}: unicast to this interface's MAC. */
    HOST,
    /** {@code PACKET_BROADCAST}: to ff:ff:ff:ff:ff:ff. */
    BROADCAST,
    /** {@code PACKET_MULTICAST}: to a group address. */
    MULTICAST,
    /** {@code PACKET_OTHERHOST}: unicast to someone else's MAC. */
    OTHERHOST;

    /** {@code eth_type_trans}: classify a destination MAC for an interface. */
    public static PacketType classify(dev.lvsunit.engine.net.MacAddress destination,
                                      dev.lvsunit.engine.net.MacAddress own) {
        if (destination.isMulticast()) {
            return destination.isBroadcast() ? BROADCAST : MULTICAST;
        }
        return destination.equals(own) ? HOST : OTHERHOST;
    }
}
