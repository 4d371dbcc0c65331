package org.hmbd.registry.catalog;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.ConceptValidationOptions;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.LookupCodeRequest;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.context.support.ValueSetExpansionOptions;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.hl7.fhir.instance.model.api.IBaseParameters;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.ValueSet;
import org.hmbd.registry.catalog.EditionContents.EditionRef;
import org.hmbd.registry.catalog.EditionContents.Loaded;
import org.springframework.stereotype.Service;

/**
 * FHIR distribution of the editions' content (Measures Art. 37): read and search of conformance
 * resources, terminology operations on each edition's own code systems and value sets, and the
 * FHIR NPM packages in the style of the FHIR package registry. Anonymous callers see public editions
 * only (published, superseded, abolished). Failures are HAPI exceptions: the FHIR endpoint turns them
 * into OperationOutcomes.
 */
@Service
public class CatalogFhir {

    private final EditionContents contents;
    private final FhirContext ctx;

    CatalogFhir(EditionContents contents, FhirContext ctx) {
        this.contents = contents;
        this.ctx = ctx;
    }

    public FhirContext fhirContext() {
        return ctx;
    }

    /** Search criteria; null means "any". */
    public record Criteria(String url, String version, String status, String name) {
    }

    public Resource read(String type, String id, boolean publicOnly) {
        return all(editionOf(type, id, publicOnly)).stream()
                .filter(r -> r.fhirType().equals(type) && id.equals(r.getIdElement().getIdPart()))
                .findFirst().orElseThrow(() -> new ResourceNotFoundException(type + "/" + id));
    }

    /** The edition a registry resource id ({@code <editionId>-<id>}) belongs to, if the caller may see it. */
    private Loaded editionOf(String type, String id, boolean publicOnly) {
        int dash = id.indexOf('-');
        long editionId;
        try {
            editionId = Long.parseLong(dash < 0 ? id : id.substring(0, dash));
        } catch (NumberFormatException e) {
            throw new ResourceNotFoundException(type + "/" + id);
        }
        return contents.visible(editionId, publicOnly)
                .orElseThrow(() -> new ResourceNotFoundException(type + "/" + id));
    }

    public List<Resource> search(String type, Criteria c, boolean publicOnly) {
        Predicate<Resource> matches = r -> {
            MetadataResource cr = (MetadataResource) r;
            return r.fhirType().equals(type)
                    && (c.url() == null || c.url().equals(cr.getUrl()))
                    && (c.version() == null || c.version().equals(cr.getVersion()))
                    && (c.status() == null || (cr.getStatus() != null
                        && c.status().equalsIgnoreCase(cr.getStatus().toCode())))
                    && (c.name() == null || (cr.getName() != null
                        && cr.getName().toLowerCase(Locale.ROOT).startsWith(c.name().toLowerCase(Locale.ROOT))));
        };
        List<Resource> found = new ArrayList<>();
        for (EditionRef e : contents.editions(publicOnly)) {
            contents.load(e).ifPresent(loaded -> all(loaded).stream().filter(matches).forEach(found::add));
        }
        return found;
    }

    private static List<Resource> all(Loaded loaded) {
        List<Resource> all = new ArrayList<>(loaded.resources());
        all.add(loaded.guide());
        return all;
    }

    // ----------------------------------------------------------------------------------- terminology

    /** {@code ValueSet/$expand}, by instance id or by url (and valueSetVersion). */
    public ValueSet expand(String id, String url, String valueSetVersion, String filter, Integer offset,
                           Integer count, boolean publicOnly) {
        Target<ValueSet> t = valueSet(id, url, valueSetVersion, publicOnly);
        ValueSetExpansionOptions options = new ValueSetExpansionOptions().setFilter(filter);
        if (offset != null) {
            options.setOffset(offset);
        }
        if (count != null) {
            options.setCount(count);
        }
        IValidationSupport support = t.loaded().terminology();
        IValidationSupport.ValueSetExpansionOutcome outcome = support.expandValueSet(
                new ValidationSupportContext(support), options, t.resource());
        if (outcome == null || outcome.getValueSet() == null) {
            throw new InvalidRequestException("ValueSet " + t.resource().getUrl() + " cannot be expanded / 值集无法展开"
                    + (outcome == null || outcome.getError() == null ? "" : ": " + outcome.getError()));
        }
        ValueSet expanded = (ValueSet) outcome.getValueSet();
        expanded.setId(t.resource().getIdElement().getIdPart());
        return expanded;
    }

    /** {@code CodeSystem/$lookup}: a code of a code system of a visible edition (or a common one). */
    private static final org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService COMMON =
            new org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService(
                    org.hmbd.validator.engine.ValidationEngine.fhirContext());

    public IBaseParameters lookup(String system, String code, String version, String displayLanguage,
                                  boolean publicOnly) {
        if (system == null || code == null) {
            throw new InvalidRequestException("system and code are required / 需要 system 和 code");
        }
        for (Loaded loaded : candidates(r -> r.fhirType().equals("CodeSystem")
                && system.equals(((MetadataResource) r).getUrl())
                && (version == null || version.equals(((MetadataResource) r).getVersion())), publicOnly, true)) {
            IValidationSupport support = loaded.terminology();
            ValidationSupportContext context = new ValidationSupportContext(support);
            // the validator's chain answers "found" for a system nobody knows (so that data with it only
            // warns); a lookup must not: the system has to be one a CodeSystem or a built-in service defines
            if (support.fetchCodeSystem(system) == null && !COMMON.isCodeSystemSupported(context, system)) {
                continue;
            }
            IValidationSupport.LookupCodeResult result = support.lookupCode(context,
                    new LookupCodeRequest(system, code, displayLanguage, null));
            if (result != null && result.isFound()) {
                return result.toParameters(fhirContext(), null);
            }
        }
        throw new ResourceNotFoundException("Code " + code + " not found in " + system + " / 代码系统 " + system
                + " 中没有代码 " + code);
    }

    /** {@code ValueSet/$validate-code}. */
    public Parameters validateCode(String id, String url, String valueSetVersion, String system, String code,
                                   String display, boolean publicOnly) {
        if (code == null) {
            throw new InvalidRequestException("code is required / 需要 code");
        }
        Target<ValueSet> t = valueSet(id, url, valueSetVersion, publicOnly);
        IValidationSupport support = t.loaded().terminology();
        IValidationSupport.CodeValidationResult result = support.validateCode(new ValidationSupportContext(support),
                new ConceptValidationOptions().setInferSystem(system == null), system, code, display,
                t.resource().getUrl());
        Parameters p = new Parameters();
        boolean ok = result != null && result.isOk();
        p.addParameter().setName("result").setValue(new BooleanType(ok));
        if (result != null && result.getMessage() != null) {
            p.addParameter().setName("message").setValue(new StringType(result.getMessage()));
        } else if (!ok) {
            p.addParameter().setName("message").setValue(new StringType("Code " + code + " is not in value set "
                    + t.resource().getUrl() + " / 代码 " + code + " 不在值集 " + t.resource().getUrl() + " 中"));
        }
        if (result != null && result.getDisplay() != null) {
            p.addParameter().setName("display").setValue(new StringType(result.getDisplay()));
        }
        return p;
    }

    private record Target<T extends Resource>(Loaded loaded, T resource) {
    }

    private Target<ValueSet> valueSet(String id, String url, String version, boolean publicOnly) {
        if (id != null) {
            Loaded loaded = editionOf("ValueSet", id, publicOnly);
            ValueSet vs = (ValueSet) loaded.resources().stream()
                    .filter(r -> r instanceof ValueSet && id.equals(r.getIdElement().getIdPart())).findFirst()
                    .orElseThrow(() -> new ResourceNotFoundException("ValueSet/" + id));
            return new Target<>(loaded, vs);
        }
        if (url == null) {
            throw new InvalidRequestException("url (or a ValueSet id) is required / 需要 url 或值集 id");
        }
        Predicate<Resource> wanted = r -> r.fhirType().equals("ValueSet") && url.equals(((MetadataResource) r)
                .getUrl()) && (version == null || version.equals(((MetadataResource) r).getVersion()));
        for (Loaded loaded : candidates(wanted, publicOnly, false)) {
            return new Target<>(loaded, (ValueSet) loaded.resources().stream().filter(wanted).findFirst()
                    .orElseThrow());
        }
        throw new ResourceNotFoundException("ValueSet " + url + (version == null ? "" : "|" + version)
                + " not found / 未找到值集");
    }

    /**
     * The editions holding a resource that matches, the one in force first, then the newest; with
     * {@code orAny}, every visible edition after those (for code systems known to the base chain).
     */
    private List<Loaded> candidates(Predicate<Resource> wanted, boolean publicOnly, boolean orAny) {
        List<Loaded> holding = new ArrayList<>();
        List<Loaded> others = new ArrayList<>();
        for (EditionRef e : contents.editions(publicOnly)) {
            contents.load(e).ifPresent(l -> (l.resources().stream().anyMatch(wanted) ? holding : others).add(l));
        }
        holding.sort(Comparator.comparing((Loaded l) -> !"PUBLISHED".equals(l.edition().status()))
                .thenComparing(l -> -l.edition().editionId()));
        if (orAny && !others.isEmpty()) {
            holding.add(others.get(0));
        }
        return holding;
    }

    // -------------------------------------------------------------------------------------- packages

    /** One version of a package, as the FHIR package registry lists it. */
    public record PackageVersion(String name, String version, String description, String fhirVersion,
                                 String canonical, long editionId, String editionCode, String status,
                                 String sha256, int size) {
    }

    /** Every package of the public editions, by name; a name and version held by several editions: the newest. */
    public Map<String, List<PackageVersion>> packages() {
        Map<String, Map<String, PackageVersion>> byName = new LinkedHashMap<>();
        for (EditionRef e : contents.editions(true)) {
            Optional<Loaded> l = contents.load(e);
            if (l.isEmpty()) {
                continue;
            }
            EditionContents.PackageInfo info = l.get().info();
            byName.computeIfAbsent(info.name(), n -> new LinkedHashMap<>()).putIfAbsent(info.version(),
                    new PackageVersion(info.name(), info.version(), info.description(), info.fhirVersion(),
                            info.canonical(), e.editionId(), e.code(), e.status(), l.get().digest(),
                            l.get().tgz().length));
        }
        Map<String, List<PackageVersion>> out = new LinkedHashMap<>();
        byName.forEach((name, versions) -> out.put(name, List.copyOf(versions.values())));
        return out;
    }

    public Optional<byte[]> tarball(String name, String version) {
        List<PackageVersion> versions = packages().get(name);
        if (versions == null) {
            return Optional.empty();
        }
        return versions.stream().filter(v -> v.version().equals(version)).findFirst()
                .flatMap(v -> contents.visible(v.editionId(), true)).map(Loaded::tgz);
    }
}
