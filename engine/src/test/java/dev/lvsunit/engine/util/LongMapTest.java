package dev.lvsunit.engine.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongMapTest {

    @Test
    void agreesWithHashMapOverRandomPutsAndRemovesOnCollidingKeys() {
        // keys from a small range, many of them a round number apart: long
        // probe runs, so removal's backward shift is exercised on every step
        Random random = new Random(42);
        LongMap<String> map = new LongMap<>();
        Map<Long, String> model = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            long key = random.nextInt(500) * 1_000_000L;
            switch (random.nextInt(3)) {
                case 0 -> {
                    map.put(key, "v" + step);
                    model.put(key, "v" + step);
                }
                case 1 -> {
                    map.remove(key);
                    model.remove(key);
                }
                default -> assertThat(map.get(key)).isEqualTo(model.get(key));
            }
            assertThat(map.size()).isEqualTo(model.size());
        }
        for (long k = 0; k < 500; k++) {
            assertThat(map.get(k * 1_000_000L)).isEqualTo(model.get(k * 1_000_000L));
        }
    }

    @Test
    void removingEveryKeyLeavesAnEmptyMapThatStillWorks() {
        LongMap<Long> map = new LongMap<>();
        for (long k = -50; k < 50; k++) {
            map.put(k << 32, k);
        }
        for (long k = -50; k < 50; k++) {
            assertThat(map.get(k << 32)).isEqualTo(k);
            map.remove(k << 32);
            map.remove(k << 32); // absent: nothing happens
        }
        assertThat(map.size()).isZero();
        assertThat(map.get(0)).isNull();
        map.put(7, 7L);
        assertThat(map.get(7)).isEqualTo(7L);
    }

    @Test
    void nullValuesAreRefused() {
        assertThatThrownBy(() -> new LongMap<String>().put(1, null)).isInstanceOf(NullPointerException.class);
    }
}
