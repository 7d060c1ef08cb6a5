package dev.lvsunit.engine.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The MACs a spec numbers (02:00:00:00:HH:II) spread over a hash table, as the bridge's fdb needs. */
class MacAddressHashTest {

    @Test
    void specNumberedMacsFallIntoManyBucketsOfASmallTable() {
        Set<Integer> buckets = new HashSet<>();
        for (int host = 1; host <= 100; host++) {
            int h = MacAddress.parse(String.format("02:00:00:00:%02x:01", host)).hashCode();
            buckets.add((h ^ (h >>> 16)) & 255); // HashMap's bucket of a 256-slot table
        }
        // 100 random keys in 256 buckets land in about 83 distinct ones; the folded record hash gave 1
        assertThat(buckets.size()).isGreaterThan(60);
    }

    @Test
    void equalAddressesHashAlike() {
        assertThat(MacAddress.parse("02:00:00:00:03:01").hashCode())
                .isEqualTo(new MacAddress(0x02_00_00_00_03_01L).hashCode());
    }
}
