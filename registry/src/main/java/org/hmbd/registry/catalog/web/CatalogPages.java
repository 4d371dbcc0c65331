package org.hmbd.registry.catalog.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import org.hmbd.registry.catalog.Catalog;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.web.Page;
import org.hmbd.registry.shared.web.Pager;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.hmbd.registry.standard.Edition;
import org.hmbd.registry.standard.Standards;
import org.springframework.web.util.HtmlUtils;

/** The resource catalog's pages: search with facets, highlights and paging; an edition's contents; the diff of two editions. */
@Page
@Controller
class CatalogPages {

    static final int PAGE_SIZE = 20;
    private final Catalog catalog;
    private final Standards standards;

    CatalogPages(Catalog catalog, Standards standards) {
        this.catalog = catalog;
        this.standards = standards;
    }

    @Permits(Permission.PUBLIC)
    @GetMapping("/catalog")
    String search(Actor viewer, @RequestParam(required = false) String q,
                  @RequestParam(required = false) List<String> type,
                  @RequestParam(required = false) List<String> status,
                  @RequestParam(required = false) List<String> level,
                  @RequestParam(required = false) Long editionId,
                  @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("type", type == null ? List.of() : type);
        model.addAttribute("status", status == null ? List.of() : status);
        model.addAttribute("level", level == null ? List.of() : level);
        model.addAttribute("editionId", editionId);
        try {
            Catalog.SearchResult r = catalog.search(viewer, new Catalog.Criteria(q, type, status, null, level, null,
                    null, editionId, null), PageQuery.of(page, PAGE_SIZE));
            model.addAttribute("result", r);
            model.addAttribute("pages", Pager.of(r.page(), r.size(), r.total()));
            Map<String, List<String>> shown = new LinkedHashMap<>();
            for (Catalog.Hit h : r.items()) {
                shown.put(h.key(), h.highlights().values().stream().flatMap(List::stream).limit(2)
                        .map(CatalogPages::safeHighlight).toList());
            }
            model.addAttribute("highlights", shown);
        } catch (DomainException e) {
            if (e.errorCode() != ErrorCode.SEARCH_UNAVAILABLE) {
                throw e;
            }
            model.addAttribute("unavailable", true); // the page stays usable while the search node starts
        }
        return "catalog/search";
    }

    /**
     * What an edition holds: its data sets, data elements, profiles, extensions, value sets and code
     * systems with their codes, and the downloads (FHIR package, JSON, CSV).
     */
    @Permits(Permission.PUBLIC)
    @GetMapping("/editions/{id}/contents")
    String contents(Actor viewer, @PathVariable long id, Model model) {
        Edition e = standards.edition(viewer, id);
        model.addAttribute("edition", e);
        model.addAttribute("standard", standards.get(viewer, e.standardId()));
        model.addAttribute("contents", catalog.contents(viewer, id));
        return "catalog/contents";
    }

    /**
     * What changes from one edition to another and whom it affects: the data sets, profiles, the
     * test suite and the certificates in force on the older edition. With no editions chosen, the form.
     */
    @Permits(Permission.PUBLIC)
    @GetMapping("/standards/{id}/diff")
    String diff(Actor viewer, @PathVariable long id, @RequestParam(required = false) Long from,
                @RequestParam(required = false) Long to, Model model) {
        model.addAttribute("standard", standards.get(viewer, id));
        List<Edition> editions = standards.editions(viewer, new Standards.EditionFilter(id, null, null),
                PageQuery.of(0, PageQuery.MAX_SIZE)).items().stream()
                .sorted(java.util.Comparator.comparing(Edition::createdAt)).toList();
        model.addAttribute("editions", editions);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        if (from != null && to != null) {
            // usually two editions of this standard; any two the viewer may see can be compared
            List<Edition> shown = new java.util.ArrayList<>(editions);
            for (long other : List.of(from, to)) {
                if (shown.stream().noneMatch(x -> x.id() == other)) {
                    shown.add(standards.edition(viewer, other));
                }
            }
            model.addAttribute("editions", shown);
            model.addAttribute("diff", catalog.diff(viewer, from, to));
        }
        return "catalog/diff";
    }

    /** The search index: where it is, how far behind PostgreSQL, the last rebuild with its progress. */
    @Permits(Permission.SEARCH_INDEX_MANAGE)
    @GetMapping("/admin/search-index")
    String index(Actor actor, Model model) {
        Catalog.IndexStatus status = catalog.status(actor);
        model.addAttribute("status", status);
        model.addAttribute("running", status.lastRebuild() != null && status.lastRebuild().running());
        return "admin/search-index";
    }

    /** Rebuilds the index from PostgreSQL into a new index, switched to when complete; search stays up meanwhile. */
    @Permits(Permission.SEARCH_INDEX_MANAGE)
    @PostMapping("/admin/search-index/rebuild")
    String rebuild(Actor actor) {
        catalog.rebuild(actor);
        return "redirect:/admin/search-index";
    }

    /** A highlighted fragment as HTML: the text escaped, only the search engine's {@code <em>} marks kept. */
    static String safeHighlight(String fragment) {
        return HtmlUtils.htmlEscape(fragment).replace("&lt;em&gt;", "<em>").replace("&lt;/em&gt;", "</em>");
    }
}
