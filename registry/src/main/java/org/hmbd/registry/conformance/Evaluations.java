package org.hmbd.registry.conformance;

import java.time.Instant;
import java.util.List;
import org.hmbd.registry.auth.Accounts;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Role;
import org.hmbd.registry.proposal.Proposal;
import org.hmbd.registry.proposal.Proposals;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.Text;
import org.hmbd.registry.standard.ConformanceTarget;
import org.hmbd.registry.standard.EditionStatus;
import org.hmbd.registry.standard.Standard;
import org.hmbd.registry.standard.Standards;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Effectiveness evaluations of editions in force (Art. 14-15): the adoption metrics at the time,
 * the evaluator's conclusion (keep, revise, abolish) and reasons. A conclusion to revise or abolish
 * opens the matching proposal in the lifecycle, so the decision follows the same road as any other.
 */
@Service
public class Evaluations {

    private final JsonMapper json;

    /** What the evaluation concludes. */
    public enum Conclusion { KEEP, REVISE, ABOLISH }

    public record EvaluationRequest(String conclusion, String reasons) {
    }

    public record Evaluation(long id, long editionId, String evaluator, Conclusion conclusion, String reasons,
                             JsonNode metrics, Long proposalId, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final Adoption adoption;
    private final TestSuites suites;
    private final Standards standards;
    private final Proposals proposals;
    private final Accounts accounts;
    private final Visibility visibility;

    Evaluations(JdbcClient jdbc, Adoption adoption, TestSuites suites, Standards standards, Proposals proposals,
                Accounts accounts, JsonMapper json, Visibility visibility) {
        this.visibility = visibility;
        this.json = json;
        this.jdbc = jdbc;
        this.adoption = adoption;
        this.suites = suites;
        this.standards = standards;
        this.proposals = proposals;
        this.accounts = accounts;
    }

    /** Records an evaluation of an edition in force; only the national administration or an expert. */
    @Transactional
    public Evaluation evaluate(Actor actor, long editionId, EvaluationRequest req) {
        if (!actor.has(Role.STANDARDS_ADMIN) && !actor.has(Role.EXPERT)) {
            throw DomainException.forbidden("role", Role.STANDARDS_ADMIN + " / " + Role.EXPERT);
        }
        Conclusion conclusion = Text.enumValue("conclusion", req.conclusion(), Conclusion.class);
        String reasons = Text.required("reasons", req.reasons(), 4000);
        ConformanceTarget target = suites.requireKnown(editionId);
        if (target.status() != EditionStatus.PUBLISHED) {
            throw DomainException.conflict("evaluation-not-in-force", target.code() == null ? editionId
                    : target.code(), target.status());
        }
        // national scope: the metrics of every institution, whoever evaluates
        Adoption.EditionAdoption metrics = adoption.edition(Visibility.ALL, editionId, null);
        Long proposalId = null;
        if (conclusion != Conclusion.KEEP) {
            Standard s = standards.get(actor, target.standardId());
            String org = actor.organizationId() == null ? actor.displayName()
                    : accounts.organization(actor.organizationId()).nameZh();
            boolean revise = conclusion == Conclusion.REVISE;
            Proposal p = proposals.submit(actor, new Proposals.ProposalRequest(
                    revise ? "REVISION" : "ABOLITION",
                    (revise ? "修订 " : "废止 ") + s.titleZh(),
                    s.titleEn() == null ? null : (revise ? "Revision of " : "Abolition of ") + s.titleEn(),
                    s.category(), s.level().name(),
                    "效果评估结论（" + target.code() + "）/ effectiveness evaluation of " + target.code(),
                    reasons, org, s.id()));
            proposalId = p.id();
        }
        long id = jdbc.sql("""
                        insert into effectiveness_evaluation (edition_id, evaluator_id, conclusion, reasons, metrics,
                                                              proposal_id)
                        values (?, ?, ?, ?, ?::jsonb, ?) returning id""")
                .params(editionId, actor.id(), conclusion.name(), reasons, json.writeValueAsString(metrics), proposalId)
                .query(Long.class).single();
        return list(editionId).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    /**
     * The evaluations of an edition. Their metrics are the national picture (every institution, per
     * province), so only viewers with the national view see them: the national administration,
     * experts (the evaluators) and a supervisor at the root; others get the conclusions without them.
     */
    public List<Evaluation> list(Actor viewer, long editionId) {
        boolean national = visibility.nationalAggregates(viewer);
        return list(editionId).stream()
                .map(e -> national ? e : new Evaluation(e.id(), e.editionId(), e.evaluator(), e.conclusion(),
                        e.reasons(), null, e.proposalId(), e.createdAt()))
                .toList();
    }

    private List<Evaluation> list(long editionId) {
        suites.requireKnown(editionId);
        return jdbc.sql("""
                        select v.id, v.edition_id, u.username, v.conclusion, v.reasons, v.metrics, v.proposal_id,
                               v.created_at
                        from effectiveness_evaluation v join app_user u on u.id = v.evaluator_id
                        where v.edition_id = ? order by v.id""")
                .param(editionId)
                .query((rs, n) -> new Evaluation(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        Conclusion.valueOf(rs.getString(4)), rs.getString(5), json.readTree(rs.getString(6)),
                        (Long) rs.getObject(7), rs.getTimestamp(8).toInstant()))
                .list();
    }
}
