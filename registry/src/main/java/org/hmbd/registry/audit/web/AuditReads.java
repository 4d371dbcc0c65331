package org.hmbd.registry.audit.web;

import jakarta.servlet.http.HttpServletRequest;
import org.hmbd.registry.audit.AuditLog;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Authority;
import org.hmbd.registry.shared.DomainException;
import org.springframework.stereotype.Component;

/** What the audit trail's readers (the API and the pages) share: the part of the trail a reader sees, and the record of each read. */
@Component
class AuditReads {

    private final AuditLog audit;
    private final Authority authority;

    AuditReads(AuditLog audit, Authority authority) {
        this.audit = audit;
        this.authority = authority;
    }

    /**
     * The part of the trail an audit administrator reads: all of it at the root of the tree (null),
     * else the records of the accounts of its organization's subtree.
     */
    /** The path of the account's subtree, whatever its level (the regulator reads its own subtree, the root's too). */
    String subtree(Actor actor) {
        String path = actor.organizationId() == null ? null : authority.path(actor.organizationId()).orElse(null);
        if (path == null) {
            throw DomainException.forbidden("no-organization");
        }
        return path;
    }

    String region(Actor actor) {
        String path = actor.organizationId() == null ? null : authority.path(actor.organizationId()).orElse(null);
        if (path == null) {
            throw DomainException.forbidden("no-organization");
        }
        return path.chars().filter(c -> c == '/').count() == 2 ? null : path;
    }

    /** The verification's result as a sentence: intact, or the first altered, deleted, inserted, reordered or cut position. */
    static org.hmbd.registry.shared.Msg summary(org.hmbd.registry.audit.AuditVerification v) {
        return v.intact() ? org.hmbd.registry.shared.Msg.of("audit.verification.intact", v.checked())
                : org.hmbd.registry.shared.Msg.of("audit.verification."
                        + v.problem().kind().name().toLowerCase(java.util.Locale.ROOT), v.problem().position(), v.checked());
    }

    /** Records a read of the trail: who, what, when, the query. */
    void record(Actor actor, HttpServletRequest request, String action, String detail) {
        audit.record(new AuditLog.Who(actor.username(), actor.id(), actor.realNameMasked(), actor.organizationId()),
                action, request.getQueryString() == null ? request.getRequestURI()
                        : request.getRequestURI() + "?" + request.getQueryString(), "SUCCESS", 200, detail,
                request.getRemoteAddr());
    }
}
