package org.hmbd.registry.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hmbd.registry.catalog.CatalogItem.Link;
import org.hmbd.registry.catalog.CatalogItem.Rel;
import org.hmbd.registry.shared.Digests;
import org.hmbd.registry.standard.Artifacts;
import org.hmbd.registry.standard.Standards.CatalogSource;
import org.hmbd.registry.standard.Standards.EditionSource;
import org.hmbd.validator.Text;
import org.hmbd.validator.content.CatalogContent;
import org.hmbd.validator.content.ContentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Derives the catalog items of one standard from the registry's records: the standard, each of its
 * editions, and the content of each edition's FHIR package (profiles, extensions, value sets, code
 * systems) with its data elements and data sets ({@code package/other/hmbd-catalog.json}). A pure
 * function of its input: the same records always give the same items and keys.
 */
final class CatalogProjection {

    private static final Logger log = LoggerFactory.getLogger(CatalogProjection.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Pattern CODE_YEAR = Pattern.compile("-(\\d{4})$");

    private CatalogProjection() {
    }

    static List<CatalogItem> items(CatalogSource s, Instant now) {
        List<CatalogItem> items = new ArrayList<>();
        String standardKey = "standard:" + s.id();
        boolean anyPublic = s.editions().stream().anyMatch(e -> e.status().isPublic());
        Integer latestYear = null;
        String latestOrg = null;
        for (EditionSource e : s.editions()) {
            latestYear = year(e);
            latestOrg = e.organization() == null ? latestOrg : e.organization();
        }
        List<Link> standardLinks = new ArrayList<>();
        for (EditionSource e : s.editions()) {
            standardLinks.add(new Link(Rel.EDITION, "edition:" + e.id()));
        }
        items.add(new CatalogItem(standardKey, CatalogItemType.STANDARD, s.id(), null,
                s.number() == null ? standardKey : s.number(), null, null, s.titleZh(), s.titleEn(), null, null,
                List.of(), null, s.status(), anyPublic, s.category(), s.level().name(), latestYear, latestOrg,
                s.number(), standardLinks, now));
        for (EditionSource e : s.editions()) {
            items.addAll(edition(s, e, now));
        }
        return items;
    }

    private static List<CatalogItem> edition(CatalogSource s, EditionSource e, Instant now) {
        Context c = new Context(s, e, now);
        List<Link> links = new ArrayList<>();
        links.add(new Link(Rel.STANDARD, "standard:" + s.id()));
        if (e.supersedesId() != null) {
            links.add(new Link(Rel.SUPERSEDES, "edition:" + e.supersedesId()));
        }
        if (e.supersededById() != null) {
            links.add(new Link(Rel.SUPERSEDED_BY, "edition:" + e.supersededById()));
        }
        String name = e.code() == null ? s.titleZh() : s.titleZh() + " " + e.code();
        String nameEn = s.titleEn() == null ? null : e.code() == null ? s.titleEn() : s.titleEn() + " " + e.code();
        List<CatalogItem> items = new ArrayList<>();
        Map<String, Item> content = e.fhirPackage() == null ? Map.of() : content(c, e.fhirPackage());
        items.add(c.item("edition:" + e.id(), CatalogItemType.EDITION,
                e.code() == null ? "edition:" + e.id() : e.code(), null, e.code(), name, nameEn, null, null,
                List.of(), null, links));
        for (Item i : content.values()) {
            // content links to its edition (not the other way: an edition may hold tens of thousands of items)
            i.links.add(new Link(Rel.EDITION, "edition:" + e.id()));
            items.add(c.item(i.key, i.type, i.identifier, i.url, i.version, i.nameZh, i.nameEn, i.definitionZh,
                    i.definitionEn, List.copyOf(i.codes), i.terms.isEmpty() ? null : String.join(" ", i.terms),
                    List.copyOf(i.links)));
        }
        return items;
    }

    /** The edition's content items by identifier, their links in both directions. */
    private static Map<String, Item> content(Context c, byte[] tgz) {
        Map<String, JsonNode> files;
        try {
            files = PackageFiles.read(tgz);
        } catch (IOException | RuntimeException ex) {
            log.warn("edition {}: its FHIR package cannot be read for the catalog: {}", c.e.id(), ex.toString());
            return Map.of();
        }
        Map<String, Item> byId = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> f : files.entrySet()) {
            JsonNode r = f.getValue();
            String rt = r.path("resourceType").asString("");
            String url = text(r, "url");
            if (url == null) {
                continue;
            }
            CatalogItemType type = switch (rt) {
                case "StructureDefinition" -> "Extension".equals(text(r, "type")) ? CatalogItemType.EXTENSION
                        : CatalogItemType.PROFILE;
                case "ValueSet" -> CatalogItemType.VALUE_SET;
                case "CodeSystem" -> CatalogItemType.CODE_SYSTEM;
                default -> null;
            };
            if (type == null) {
                continue;
            }
            Item i = c.newItem(type, url);
            i.url = url;
            i.version = text(r, "version");
            String[] title = bilingual(text(r, "title") == null ? text(r, "name") : text(r, "title"),
                    text(r, "description"));
            i.nameZh = title[0];
            i.nameEn = title[1];
            String[] definition = split(text(r, "description"));
            i.definitionZh = definition[0];
            i.definitionEn = definition[1];
            byId.put(url, i);
            if (type == CatalogItemType.CODE_SYSTEM) {
                concepts(r.path("concept"), i);
            }
        }
        // links between FHIR resources, both ways
        for (JsonNode r : files.values()) {
            Item from = byId.get(text(r, "url"));
            if (from == null) {
                continue;
            }
            if (from.type == CatalogItemType.PROFILE || from.type == CatalogItemType.EXTENSION) {
                for (JsonNode el : r.path("differential").path("element")) {
                    String vs = canonical(text(el.path("binding"), "valueSet"));
                    link(byId, from, vs, Rel.BINDS, Rel.BOUND_BY);
                    for (JsonNode t : el.path("type")) {
                        for (JsonNode p : t.path("profile")) {
                            if ("Extension".equals(text(t, "code"))) {
                                link(byId, from, canonical(p.asString(null)), Rel.USES_EXTENSION, Rel.USED_BY_PROFILE);
                            }
                        }
                    }
                }
            } else if (from.type == CatalogItemType.VALUE_SET) {
                for (JsonNode inc : r.path("compose").path("include")) {
                    link(byId, from, canonical(text(inc, "system")), Rel.FROM_CODE_SYSTEM, Rel.EXPANDED_BY);
                }
            }
        }
        JsonNode catalog = files.get("other/" + CatalogContent.PACKAGE_FILE);
        if (catalog != null) {
            try {
                dataElements(c, CatalogContent.read(new ByteArrayInputStream(
                        catalog.toString().getBytes(StandardCharsets.UTF_8))), byId);
            } catch (IOException | ContentException ex) {
                log.warn("edition {}: its data elements and data sets are left out of the catalog: {}", c.e.id(),
                        ex.getMessage());
            }
        }
        return byId;
    }

    private static void dataElements(Context c, CatalogContent catalog, Map<String, Item> byId) {
        for (CatalogContent.DataElement de : catalog.dataElements()) {
            Item i = catalogEntry(c, de.identifier(), de.name(), de.definition(), CatalogItemType.DATA_ELEMENT, byId);
            for (String extra : new String[] {de.dataType(), de.format(), de.fhirPath()}) {
                if (extra != null) {
                    i.terms.add(extra);
                }
            }
            link(byId, i, canonical(de.valueSet()), Rel.VALUE_SET, Rel.USED_BY_DATA_ELEMENT);
        }
        for (CatalogContent.DataSet ds : catalog.dataSets()) {
            Item i = catalogEntry(c, ds.identifier(), ds.name(), ds.definition(), CatalogItemType.DATA_SET, byId);
            for (CatalogContent.Member el : ds.elements()) {
                i.codes.add(el.identifier());
                link(byId, i, el.identifier(), Rel.HAS_ELEMENT, Rel.USED_BY_DATA_SET);
            }
        }
    }

    /** A data element or data set of {@code hmbd-catalog.json}: identifier, bilingual name and definition. */
    private static Item catalogEntry(Context c, String id, Text name, Text definition, CatalogItemType type,
                                     Map<String, Item> byId) {
        Item i = c.newItem(type, id);
        i.version = c.e.code();
        i.nameZh = name == null ? null : name.zh();
        i.nameEn = name == null ? null : name.en();
        i.definitionZh = definition == null ? null : definition.zh();
        i.definitionEn = definition == null ? null : definition.en();
        i.codes.add(id);
        byId.put(id, i);
        return i;
    }


    private static void link(Map<String, Item> byId, Item from, String to, Rel rel, Rel reverse) {
        Item target = to == null ? null : byId.get(to);
        if (target == null) {
            return;
        }
        from.links.add(new Link(rel, target.key));
        target.links.add(new Link(reverse, from.key));
    }

    private static void concepts(JsonNode concepts, Item i) {
        for (JsonNode concept : concepts) {
            String code = text(concept, "code");
            if (code != null) {
                i.codes.add(code);
            }
            if (text(concept, "display") != null) {
                i.terms.add(text(concept, "display"));
            }
            for (JsonNode d : concept.path("designation")) {
                if (text(d, "value") != null) {
                    i.terms.add(text(d, "value"));
                }
            }
            concepts(concept.path("concept"), i);
        }
    }

    /** Titles are Chinese; the English name is the part after " / " in the description's first sentence. */
    static String[] bilingual(String title, String description) {
        String[] d = split(description);
        String en = d[1];
        if (en != null) {
            int stop = en.indexOf(". ");
            en = (stop > 0 ? en.substring(0, stop) : en).replaceAll("\\.$", "").strip();
        }
        return new String[] {title == null ? d[0] : title, en};
    }

    /** "中文 / English" split at the first " / "; text without one is taken as Chinese. */
    static String[] split(String text) {
        if (text == null) {
            return new String[] {null, null};
        }
        int slash = text.indexOf(" / ");
        if (slash < 0) {
            return new String[] {text.strip(), null};
        }
        return new String[] {text.substring(0, slash).strip(), text.substring(slash + 3).strip()};
    }

    /** A canonical reference without its {@code |version}. */
    static String canonical(String url) {
        if (url == null) {
            return null;
        }
        int bar = url.indexOf('|');
        return bar < 0 ? url : url.substring(0, bar);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isValueNode() || v.isNull() ? null : v.asString();
    }

    static Integer year(EditionSource e) {
        if (e.code() != null) {
            Matcher m = CODE_YEAR.matcher(e.code().strip());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        Instant at = e.publishedAt() != null ? e.publishedAt() : e.createdAt();
        return at == null ? null : at.atZone(CHINA).getYear();
    }

    /** The key of a content item: stable for the same identifier in the same edition, safe in a URL path. */
    static String contentKey(CatalogItemType type, long editionId, String identifier) {
        byte[] digest = Digests.sha256().digest(identifier.getBytes(StandardCharsets.UTF_8));
        return type.slug() + ":" + editionId + ":" + HexFormat.of().formatHex(digest, 0, 8);
    }

    private static final class Item {
        final CatalogItemType type;
        final String key;
        final String identifier;
        String url;
        String version;
        String nameZh;
        String nameEn;
        String definitionZh;
        String definitionEn;
        final Set<String> codes = new LinkedHashSet<>();
        final List<String> terms = new ArrayList<>();
        final Set<Link> links = new LinkedHashSet<>();

        Item(CatalogItemType type, String key, String identifier) {
            this.type = type;
            this.key = key;
            this.identifier = identifier;
        }
    }

    private record Context(CatalogSource s, EditionSource e, Instant now) {
        Item newItem(CatalogItemType type, String identifier) {
            return new Item(type, contentKey(type, e.id(), identifier), identifier);
        }

        CatalogItem item(String key, CatalogItemType type, String identifier, String url, String version,
                         String nameZh, String nameEn, String definitionZh, String definitionEn, List<String> codes,
                         String terms, List<Link> links) {
            return new CatalogItem(key, type, s.id(), e.id(), identifier, url, version,
                    nameZh == null ? identifier : nameZh, nameEn, definitionZh, definitionEn, codes, terms,
                    e.status().name(), e.status().isPublic(), s.category(), s.level().name(), year(e),
                    e.organization(), e.code(), links, now);
        }
    }
}
