package org.hmbd.registry.conformance.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import tools.jackson.databind.json.JsonMapper;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import org.hmbd.registry.auth.Role;
import org.hmbd.registry.conformance.Adoption;
import org.hmbd.registry.conformance.Evaluations;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.web.Forms;
import org.hmbd.registry.shared.web.Problems;
import org.springframework.web.bind.annotation.PostMapping;
import org.hmbd.registry.shared.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The adoption dashboard of an edition (Art. 12, 15), in the viewer's region only: institutions
 * tested and passing by region (province, prefecture or county), by grade and by kind, over time,
 * the score distribution and the checks failed most. Regions are sorted bars with their numbers in
 * a table (no map).
 */
@Page
@Controller
class AdoptionPages {

    private final Adoption adoption;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Evaluations evaluations;
    private final Problems problems;

    AdoptionPages(Adoption adoption, JsonMapper json, MessageSource messages, Evaluations evaluations,
                  Problems problems) {
        this.evaluations = evaluations;
        this.problems = problems;
        this.adoption = adoption;
        this.json = json;
        this.messages = messages;
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/conformance/editions/{id}/adoption")
    String dashboard(Actor viewer, @PathVariable long id, @RequestParam(required = false) String groupBy, Model model) {
        Adoption.EditionAdoption a = adoption.edition(viewer, id, groupBy);
        model.addAttribute("adoption", a);
        model.addAttribute("groupBy", groupBy == null ? "province" : groupBy.toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("regions", sorted(a.byRegion()));
        model.addAttribute("grades", sorted(a.byInstitutionGrade()));
        model.addAttribute("kinds", sorted(a.byOrganizationKind()));
        long most = a.scoreDistribution().stream().mapToLong(Adoption.Bucket::institutions).max().orElse(0);
        model.addAttribute("mostInBucket", Math.max(1, most));
        model.addAttribute("charts", charts(a, sorted(a.byRegion())));
        return "conformance/adoption";
    }

    /**
     * The effectiveness evaluations of an edition (Art. 14) and, for the standards administration and
     * the experts, the form: the metrics the evaluation will record, a conclusion and its reasons. A
     * conclusion to revise or abolish opens a proposal, linked from the evaluation.
     */
    @Permits(Permission.SIGNED_IN)
    @GetMapping("/conformance/editions/{id}/evaluations")
    String evaluations(Actor viewer, @PathVariable long id, Model model) {
        return showEvaluations(viewer, id, model, null, null, null);
    }

    @Permits(Permission.EVALUATE)
    @PostMapping("/conformance/editions/{id}/evaluations")
    String evaluate(Actor actor, @PathVariable long id, @RequestParam(required = false) String conclusion,
                    @RequestParam(required = false) String reasons, Model model) {
        try {
            evaluations.evaluate(actor, id, new Evaluations.EvaluationRequest(Forms.blank(conclusion), reasons));
        } catch (DomainException e) {
            if (e.errorCode() == org.hmbd.registry.shared.ErrorCode.FORBIDDEN
                    || e.errorCode() == org.hmbd.registry.shared.ErrorCode.NOT_FOUND) {
                throw e;
            }
            return showEvaluations(actor, id, model, problems.text(e.detail()), conclusion, reasons);
        }
        return "redirect:/conformance/editions/" + id + "/evaluations";
    }

    private String showEvaluations(Actor viewer, long id, Model model, String failure, String conclusion,
                                   String reasons) {
        Adoption.EditionAdoption a = adoption.edition(viewer, id, null);
        model.addAttribute("adoption", a);
        model.addAttribute("evaluations", evaluations.list(viewer, id));
        model.addAttribute("evaluates", viewer.has(Role.STANDARDS_ADMIN) || viewer.has(Role.EXPERT));
        model.addAttribute("failure", failure);
        model.addAttribute("conclusion", conclusion);
        model.addAttribute("reasons", reasons);
        return "conformance/evaluations";
    }

    /**
     * What the page's charts draw (ECharts, {@code assets/charts.js}): the same numbers as the tables
     * beside them, as JSON in the viewer's language.
     */
    Map<String, String> charts(Adoption.EditionAdoption a, List<Row> regions) {
        Locale locale = LocaleContextHolder.getLocale();
        String tested = messages.getMessage("page.adoption.tested", null, locale);
        String passing = messages.getMessage("page.adoption.passing", null, locale);
        Map<String, String> out = new LinkedHashMap<>();
        List<Row> top = regions.stream().limit(40).toList();
        out.put("regions", json.writeValueAsString(Map.of("kind", "bars",
                "title", messages.getMessage("page.adoption.by.regions", null, locale),
                "categories", top.stream().map(Row::key).toList(),
                "series", List.of(Map.of("name", tested, "data", top.stream().map(Row::tested).toList()),
                        Map.of("name", passing, "data", top.stream().map(Row::passing).toList())))));
        out.put("months", json.writeValueAsString(Map.of("kind", "line", "max", 100,
                "title", messages.getMessage("page.adoption.overTime", null, locale),
                "categories", a.overTime().stream().map(Adoption.Month::month).toList(),
                "series", List.of(Map.of("name", messages.getMessage("page.adoption.passRate", null, locale) + " (%)",
                        "data", a.overTime().stream().map(AdoptionPages::passRate).toList())))));
        out.put("scores", json.writeValueAsString(Map.of("kind", "columns",
                "title", messages.getMessage("page.adoption.scores", null, locale),
                "categories", a.scoreDistribution().stream().map(b -> b.from() + "–" + b.to()).toList(),
                "series", List.of(Map.of("name", messages.getMessage("page.adoption.institutions", null, locale),
                        "data", a.scoreDistribution().stream().map(Adoption.Bucket::institutions).toList())))));
        return out;
    }

    /** The month's pass rate in percent, one decimal (0 when nobody was tested). */
    static double passRate(Adoption.Month m) {
        return m.tested() == 0 ? 0 : Math.round(m.passing() * 1000.0 / m.tested()) / 10.0;
    }

    /** Most institutions tested first; each with its pass rate for the bar. */
    record Row(String key, long tested, long passing, int passRate) {
    }

    static List<Row> sorted(List<Adoption.Group> groups) {
        return groups.stream().sorted(Comparator.comparingLong(Adoption.Group::tested).reversed()
                        .thenComparing(Adoption.Group::key))
                .map(g -> new Row(g.key(), g.tested(), g.passing(),
                        g.tested() == 0 ? 0 : (int) Math.round(g.passing() * 100.0 / g.tested())))
                .toList();
    }
}
