package org.hmbd.validator.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The keys under which a run remembers HAPI's results ({@link ResultCache}): the SHA-256 of the
 * engine's fingerprint (its code, HAPI's and HL7's, the edition's content, time zone and locale),
 * the calendar part of the run's date that HL7's checks can see, the profile applied and the exact
 * text validated. Thread-safe.
 */
final class ResultKeys {

    private final MessageDigest prototype;

    ResultKeys(byte[] fingerprint, String calendar) {
        try {
            prototype = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        prototype.update(fingerprint);
        prototype.update(calendar.getBytes(StandardCharsets.UTF_8));
        prototype.update((byte) 0);
    }

    byte[] key(String text, String profile) {
        MessageDigest d;
        try {
            synchronized (prototype) {
                d = (MessageDigest) prototype.clone();
            }
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
        d.update((profile == null ? "" : profile).getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
        d.update(text.getBytes(StandardCharsets.UTF_8));
        return d.digest();
    }
}
