package org.hmbd.registry.standard.web;

import java.util.Comparator;
import java.util.List;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.hmbd.registry.shared.web.Forms;
import org.hmbd.registry.shared.web.Page;
import org.hmbd.registry.shared.web.Pager;
import org.hmbd.registry.standard.Edition;
import org.hmbd.registry.standard.Standard;
import org.hmbd.registry.standard.Standards;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public pages of the standards: home, the list with its filters, a standard with its editions. */
@Page
@Controller
class StandardPages {

    static final int PAGE_SIZE = 20;
    private final Standards standards;
    private final org.hmbd.registry.standard.Categories categories;

    StandardPages(Standards standards, org.hmbd.registry.standard.Categories categories) {
        this.standards = standards;
        this.categories = categories;
    }

    @Permits(Permission.PUBLIC)
    @GetMapping("/")
    String home(Actor viewer, Model model) {
        model.addAttribute("latest", standards.list(viewer, new Standards.StandardFilter(null, null, null, null, null),
                PageQuery.of(0, 10)));
        return "home";
    }

    @Permits(Permission.PUBLIC)
    @GetMapping("/standards")
    String list(Actor viewer, @RequestParam(required = false) String q, @RequestParam(required = false) String level,
                @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                Model model) {
        PageResult<Standard> result = standards.list(viewer, new Standards.StandardFilter(Forms.blank(status), null,
                Forms.blank(level), null, Forms.blank(q)), PageQuery.of(page, PAGE_SIZE));
        model.addAttribute("result", result);
        model.addAttribute("q", q);
        model.addAttribute("level", level);
        model.addAttribute("status", status);
        model.addAttribute("pages", Pager.of(result));
        return "standards/list";
    }

    /** A standard: its status, and every edition the viewer may read as a timeline (newest first). */
    @Permits(Permission.PUBLIC)
    @GetMapping("/standards/{id}")
    String standard(Actor viewer, @PathVariable long id, Model model) {
        Standard s = standards.get(viewer, id);
        List<Edition> editions = standards.editions(viewer, new Standards.EditionFilter(id, null, null),
                PageQuery.of(0, PageQuery.MAX_SIZE)).items().stream()
                .sorted(Comparator.comparing(Edition::createdAt).reversed()).toList();
        model.addAttribute("standard", s);
        model.addAttribute("editions", editions);
        try {
            model.addAttribute("category", s.category() == null ? null : categories.get(s.category()));
        } catch (org.hmbd.registry.shared.DomainException e) {
            model.addAttribute("category", null); // a code no longer in the tree: shown as it is
        }
        return "standards/standard";
    }
}
