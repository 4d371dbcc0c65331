package org.hmbd.validator.rules;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.hmbd.validator.Dimension;

/**
 * Base of the checks that compare a resource with its patient (birth before events, sex-specific
 * diagnoses). A resource whose patient is already known is checked at once; otherwise it waits
 * (up to a bound, to keep memory flat) until the end of the run.
 */
abstract class PatientEventRule extends BaseRule {

    static final int MAX_PENDING = 200_000;

    private final PatientIndex patients;
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final AtomicInteger unresolved = new AtomicInteger();

    protected record Pending(ResourceView where, String subject, String value) {
    }

    PatientEventRule(String id, Dimension dimension, PatientIndex patients) {
        super(id, dimension);
        this.patients = patients;
    }


    /** The value to compare (a date, a code) if this resource is one the rule checks, else null. */
    protected abstract String valueOf(ResourceView r);

    protected abstract void compare(Pending p, PatientIndex.Facts patient, RuleContext ctx);

    @Override
    public void check(ResourceView r, RuleContext ctx) {
        String value = valueOf(r);
        if (value == null) {
            return;
        }
        String subject = r.json().path("subject").path("reference").asText(null);
        if (subject == null) {
            subject = r.json().path("patient").path("reference").asText(null);
        }
        if (subject == null) {
            return;
        }
        ResourceView slim = new ResourceView(r.resourceType(), r.id(), null, r.source(), r.line(), r.entry(),
                r.prefix(), r.fullUrl());
        Pending p = new Pending(slim, subject, value);
        PatientIndex.Facts facts = patients.get(subject);
        if (facts != null) {
            compare(p, facts, ctx);
        } else if (pendingCount.incrementAndGet() <= MAX_PENDING) {
            pending.add(p);
        } else {
            unresolved.incrementAndGet();
        }
    }

    @Override
    public void finish(RuleContext ctx) {
        for (Pending p : pending) {
            PatientIndex.Facts facts = patients.get(p.subject());
            if (facts != null) {
                compare(p, facts, ctx);
            } else {
                unresolved.incrementAndGet();
            }
        }
        pending.clear();
    }

    /** Resources whose patient was not in the submission: not checked by this rule. */
    public int unresolved() {
        return unresolved.get();
    }
}
