package dev.lvsunit.engine.link;

import dev.lvsunit.engine.packet.EthernetFrame;

/**
 * A frame as a capture on the segment saw it.
 *
 * @param timeNanos when it was sent, on the virtual clock
 * @param ingress the interface that sent it
 * @param frame the frame
 */
public record CapturedFrame(long timeNanos, NetDevice ingress, EthernetFrame frame) {
}
