package org.hmbd.registry.audit;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hmbd.registry.shared.SecurityEvent;
import org.hmbd.registry.shared.SecurityEvent.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Security monitoring and early warning (Art. 25): every signal is counted as a Micrometer metric
 * ({@code hmbd.security.signals}); warnings ({@code hmbd.security.warnings}: brute force, repeated
 * access outside one's scope, bulk downloads, a broken audit chain, a run stopped by a limit) also go
 * to the log and to the audit trail, where {@code GET /api/v1/security-events} lists them. Repeated
 * signals are counted per account in a sliding window, on each server.
 */
@Component
class SecurityMonitor {

    private static final Logger log = LoggerFactory.getLogger(SecurityMonitor.class);
    static final String ACTION_PREFIX = "SECURITY ";
    private static final int MAX_TRACKED = 10_000;

    private final AuditLog audit;
    private final MeterRegistry meters;
    private final SecurityProperties props;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    SecurityMonitor(AuditLog audit, MeterRegistry meters, SecurityProperties props) {
        this.audit = audit;
        this.meters = meters;
        this.props = props;
    }

    @EventListener
    void on(SecurityEvent event) {
        meters.counter("hmbd.security.signals", "kind", event.kind().name()).increment();
        switch (event.kind()) {
            case FORBIDDEN -> repeated(event, Kind.OUT_OF_SCOPE, props.outOfScopeThreshold());
            case DOWNLOAD -> repeated(event, Kind.BULK_DOWNLOAD, props.bulkDownloadThreshold());
            default -> warn(event);
        }
    }

    /** Raises {@code warning} when one account's signals reach the threshold within the window (once per window). */
    private void repeated(SecurityEvent event, Kind warning, int threshold) {
        if (event.actor() == null) {
            return;
        }
        if (recent.size() > MAX_TRACKED) {
            recent.clear(); // a flood of accounts: start counting again rather than grow without bound
        }
        long now = System.currentTimeMillis();
        long since = now - props.window().toMillis();
        Deque<Long> times = recent.computeIfAbsent(event.kind() + "/" + event.actor(), k -> new ArrayDeque<>());
        boolean raise;
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() < since) {
                times.pollFirst();
            }
            times.addLast(now);
            raise = times.size() == threshold;
        }
        if (raise) {
            warn(new SecurityEvent(warning, event.actor(), event.organizationId(), event.subject(), event.clientIp()));
        }
    }

    private void warn(SecurityEvent event) {
        meters.counter("hmbd.security.warnings", "kind", event.kind().name()).increment();
        // the log names the kind and where to look, not the account (the audit trail has it)
        log.warn("Security warning {} (see the audit trail, action '{}{}')", event.kind(), ACTION_PREFIX, event.kind());
        try {
            audit.record(event.actor() == null ? "system" : event.actor(), event.organizationId(),
                    ACTION_PREFIX + event.kind(), event.subject(), "WARNING", null, event.kind().name(), event.clientIp());
        } catch (RuntimeException e) {
            log.error("Could not record the security warning {}", event.kind(), e);
        }
    }
}
