package org.hmbd.registry.it;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Real identities for test accounts: valid GB 11643 numbers, none used twice in a run. */
final class Identities {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 500_000);

    private Identities() {
    }

    /** A resident identity number with the right check character, born in Beijing's Dongcheng district. */
    static String residentId() {
        long n = SEQ.incrementAndGet();
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(n / 1000);
        return withCheck("110101" + born.toString().replace("-", "") + String.format("%03d", n % 1000));
    }

    static String withCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** The fields of an account request with a real name and a fresh identity number added. */
    static Map<String, Object> account(Map<String, ?> fields) {
        Map<String, Object> m = new HashMap<>(fields);
        m.putIfAbsent("realName", "测试用户");
        m.putIfAbsent("idNumber", residentId());
        return m;
    }
}
