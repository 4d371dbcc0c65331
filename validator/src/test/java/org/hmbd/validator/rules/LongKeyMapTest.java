package org.hmbd.validator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LongKeyMapTest {

    @Test
    void keepsWhatAHashMapKeepsThroughManyResizes() {
        LongKeyMap<Object> map = new LongKeyMap<>(false);
        Map<Long, Integer> expected = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            long key = random.nextInt(150_000) - 75_000L;
            int value = random.nextInt();
            if (value == LongKeyMap.NONE) {
                continue;
            }
            map.putInt(key, value);
            expected.put(key, value);
        }
        assertThat(map.size()).isEqualTo(expected.size());
        expected.forEach((k, v) -> assertThat(map.getInt(k)).isEqualTo(v));
        assertThat(map.getInt(10_000_000L)).isEqualTo(LongKeyMap.NONE);
    }

    @Test
    void mergesObjectsUnderOneKeyFromManyThreads() throws InterruptedException {
        LongKeyMap<Integer> map = new LongKeyMap<>(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.submit(() -> {
                for (int i = 0; i < 50_000; i++) {
                    map.merge(i % 1000, 1, Integer::sum);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        Map<Long, Integer> seen = new HashMap<>();
        map.forEach(seen::put);
        assertThat(seen).hasSize(1000);
        assertThat(seen.values()).allMatch(v -> v == 200);
    }

    @Test
    void textsHashToStableDistinctKeys() {
        assertThat(LongKeyMap.hash("Patient/1")).isEqualTo(LongKeyMap.hash("Patient/1"))
                .isNotEqualTo(LongKeyMap.hash("Patient/2"));
        assertThat(LongKeyMap.hash("Patient/1")).isNotEqualTo(LongKeyMap.hash("Patient/1 "));
    }

    @Test
    void residentIdentityNumbersPackIntoALongAndBack() {
        for (String n : new String[] {"11010519491231002X", "350102198503120031", "000000000000000000",
                "999999999999999999"}) {
            long packed = PatientIdentityRule.packNumber(n);
            assertThat(packed).as(n).isPositive();
            assertThat(PatientIdentityRule.unpackNumber(packed)).isEqualTo(n);
        }
        assertThat(PatientIdentityRule.packNumber("35010219850312003")).isEqualTo(-1);
        assertThat(PatientIdentityRule.packNumber("35010219850312003Y")).isEqualTo(-1);
        assertThat(PatientIdentityRule.packNumber("3501021985031200A1")).isEqualTo(-1);
        assertThat(PatientIdentityRule.packNumber("350102198503120031"))
                .isNotEqualTo(PatientIdentityRule.packNumber("350102198503120030"));
    }
}
