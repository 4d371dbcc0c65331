package org.hmbd.registry.catalog.web;

import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hmbd.registry.shared.Text;
import org.hmbd.validator.report.ReportCsv;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.catalog.Catalog;
import org.hmbd.registry.catalog.CatalogItem;
import org.hmbd.registry.catalog.EditionDiff;
import org.hmbd.registry.shared.PageQuery;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The resource catalog (Measures Art. 37): search, items, exact lookup; the index for administrators. */
@RestController
class CatalogController {

    private final Catalog catalog;

    CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Public: full text in Chinese and English with facets; anonymous callers see public items only. */
    @Permits(Permission.PUBLIC)
    @GetMapping("/api/v1/catalog/search")
    Catalog.SearchResult search(Actor viewer, @RequestParam(required = false) String q,
                                @RequestParam(required = false) List<String> type,
                                @RequestParam(required = false) List<String> status,
                                @RequestParam(required = false) List<String> category,
                                @RequestParam(required = false) List<String> level,
                                @RequestParam(required = false) List<String> year,
                                @RequestParam(required = false) List<String> organization,
                                @RequestParam(required = false) Long editionId,
                                @RequestParam(required = false) String sort,
                                @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size) {
        return catalog.search(viewer, new Catalog.Criteria(q, type, status, category, level, year, organization,
                editionId, sort), PageQuery.of(page, size));
    }

    /** Public: one item with its links. */
    @Permits(Permission.PUBLIC)
    @GetMapping("/api/v1/catalog/items/{key}")
    CatalogItem item(Actor viewer, @PathVariable String key) {
        return catalog.item(viewer, key);
    }

    /** Public: exact lookup by code, identifier or canonical URL (served by PostgreSQL). */
    @Permits(Permission.PUBLIC)
    @GetMapping("/api/v1/catalog/lookup")
    List<CatalogItem> lookup(Actor viewer, @RequestParam(required = false) String code,
                             @RequestParam(required = false) String identifier,
                             @RequestParam(required = false) String url) {
        return catalog.lookup(viewer, code, identifier, url);
    }

    /** Public for public editions: what changes between two editions, and whom it affects. */
    @Permits(Permission.PUBLIC)
    @GetMapping("/api/v1/catalog/diff")
    EditionDiff diff(Actor viewer, @RequestParam long from, @RequestParam long to) {
        return catalog.diff(viewer, from, to);
    }

    /**
     * Public for public editions: every data element, data set, value set, code system, profile and
     * extension of an edition, as JSON (default) or {@code format=csv} (UTF-8 with a BOM, for Excel).
     */
    @Permits(Permission.PUBLIC)
    @GetMapping("/api/v1/catalog/editions/{id}/items")
    Object editionItems(Actor viewer, @PathVariable long id, @RequestParam(required = false) String format,
                        HttpServletResponse response) throws IOException {
        Formats f = format == null ? Formats.JSON : Text.enumValue("format", format.toUpperCase(), Formats.class);
        Catalog.Contents contents = catalog.contents(viewer, id);
        if (f == Formats.JSON) {
            return contents.items();
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("edition-" + id + "-contents.csv").build().toString());
        Writer w = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        w.write('\uFEFF');
        row(w, List.of("type", "identifier", "url", "version", "name_zh", "name_en", "definition_zh", "definition_en",
                "codes", "status"));
        for (CatalogItem i : contents.items()) {
            row(w, java.util.Arrays.asList(String.valueOf((Object) i.type()), i.identifier(), i.url(), i.version(), i.nameZh(),
                    i.nameEn(), i.definitionZh(), i.definitionEn(), i.codes() == null ? "" : String.join(" ", i.codes()),
                    i.status()));
        }
        w.flush();
        return null;
    }

    /** Public for public editions: the edition's own FHIR package (.tgz), for the validator or any FHIR tool. */
    @Permits(Permission.PUBLIC)
    @GetMapping("/api/v1/catalog/editions/{id}/package")
    void editionPackage(Actor viewer, @PathVariable long id, HttpServletResponse response) throws IOException {
        byte[] tgz = catalog.editionPackage(viewer, id);
        response.setContentType("application/gzip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("edition-" + id + "-fhir-package.tgz").build().toString());
        response.setContentLength(tgz.length);
        response.getOutputStream().write(tgz);
    }

    private enum Formats { JSON, CSV }

    private static void row(Writer w, List<String> cells) throws IOException {
        w.write(String.join(",", cells.stream().map(c -> ReportCsv.cell(c == null ? "" : c)).toList()));
        w.write("\r\n");
    }

    @Permits(Permission.SEARCH_INDEX_MANAGE)
    @GetMapping("/api/v1/catalog/index")
    Catalog.IndexStatus index(Actor actor) {
        return catalog.status(actor);
    }

    /** Rebuilds the index from PostgreSQL behind its alias; searches go on meanwhile. */
    @Permits(Permission.SEARCH_INDEX_MANAGE)
    @PostMapping("/api/v1/catalog/index/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Catalog.Rebuild rebuild(Actor actor) {
        return catalog.rebuild(actor);
    }
}
