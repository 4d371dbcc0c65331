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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/** The resource catalog's search page: full text with facets, highlights and paging. */
@Page
@Controller
class CatalogPages {

    static final int PAGE_SIZE = 20;
    private final Catalog catalog;

    CatalogPages(Catalog catalog) {
        this.catalog = catalog;
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

    /** A highlighted fragment as HTML: the text escaped, only the search engine's {@code <em>} marks kept. */
    static String safeHighlight(String fragment) {
        return HtmlUtils.htmlEscape(fragment).replace("&lt;em&gt;", "<em>").replace("&lt;/em&gt;", "</em>");
    }
}
