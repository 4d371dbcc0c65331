package org.hmbd.registry.conformance.web;

import java.util.Comparator;
import java.util.List;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import org.hmbd.registry.conformance.Adoption;
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

    AdoptionPages(Adoption adoption) {
        this.adoption = adoption;
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
        return "conformance/adoption";
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
