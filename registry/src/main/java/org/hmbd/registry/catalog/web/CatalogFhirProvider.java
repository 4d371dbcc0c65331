package org.hmbd.registry.catalog.web;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseParameters;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ImplementationGuide;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;
import org.hmbd.registry.catalog.CatalogFhir;
import org.hmbd.registry.shared.FhirProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The catalog on the FHIR endpoint: read and search of StructureDefinition, ValueSet, CodeSystem and
 * ImplementationGuide (by url, version, status, name), {@code ValueSet/$expand},
 * {@code CodeSystem/$lookup} and {@code ValueSet/$validate-code}. Anonymous callers see public
 * editions only; signed-in accounts see drafts too.
 */
@Component
class CatalogFhirProvider implements FhirProvider {

    private final CatalogFhir fhir;

    CatalogFhirProvider(CatalogFhir fhir) {
        this.fhir = fhir;
    }

    private static boolean publicOnly() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null || !a.isAuthenticated() || a instanceof AnonymousAuthenticationToken;
    }

    private IBaseResource read(String type, IdType id) {
        return fhir.read(type, id.getIdPart(), publicOnly());
    }

    private List<Resource> search(String type, UriParam url, TokenParam version, TokenParam status, StringParam name) {
        return fhir.search(type, new CatalogFhir.Criteria(url == null ? null : url.getValue(),
                version == null ? null : version.getValue(), status == null ? null : status.getValue(),
                name == null ? null : name.getValue()), publicOnly());
    }

    @Read(type = StructureDefinition.class)
    public IBaseResource readStructureDefinition(@IdParam IdType id) {
        return read("StructureDefinition", id);
    }

    @Read(type = ValueSet.class)
    public IBaseResource readValueSet(@IdParam IdType id) {
        return read("ValueSet", id);
    }

    @Read(type = CodeSystem.class)
    public IBaseResource readCodeSystem(@IdParam IdType id) {
        return read("CodeSystem", id);
    }

    @Read(type = ImplementationGuide.class)
    public IBaseResource readImplementationGuide(@IdParam IdType id) {
        return read("ImplementationGuide", id);
    }

    @Search(type = StructureDefinition.class)
    public List<Resource> searchStructureDefinitions(@OptionalParam(name = "url") UriParam url,
                                                     @OptionalParam(name = "version") TokenParam version,
                                                     @OptionalParam(name = "status") TokenParam status,
                                                     @OptionalParam(name = "name") StringParam name) {
        return search("StructureDefinition", url, version, status, name);
    }

    @Search(type = ValueSet.class)
    public List<Resource> searchValueSets(@OptionalParam(name = "url") UriParam url,
                                          @OptionalParam(name = "version") TokenParam version,
                                          @OptionalParam(name = "status") TokenParam status,
                                          @OptionalParam(name = "name") StringParam name) {
        return search("ValueSet", url, version, status, name);
    }

    @Search(type = CodeSystem.class)
    public List<Resource> searchCodeSystems(@OptionalParam(name = "url") UriParam url,
                                            @OptionalParam(name = "version") TokenParam version,
                                            @OptionalParam(name = "status") TokenParam status,
                                            @OptionalParam(name = "name") StringParam name) {
        return search("CodeSystem", url, version, status, name);
    }

    @Search(type = ImplementationGuide.class)
    public List<Resource> searchImplementationGuides(@OptionalParam(name = "url") UriParam url,
                                                     @OptionalParam(name = "version") TokenParam version,
                                                     @OptionalParam(name = "status") TokenParam status,
                                                     @OptionalParam(name = "name") StringParam name) {
        return search("ImplementationGuide", url, version, status, name);
    }

    @Operation(name = "$expand", type = ValueSet.class, idempotent = true)
    public ValueSet expand(@IdParam(optional = true) IdType id,
                           @OperationParam(name = "url") UriType url,
                           @OperationParam(name = "valueSetVersion") StringType valueSetVersion,
                           @OperationParam(name = "filter") StringType filter,
                           @OperationParam(name = "offset") IntegerType offset,
                           @OperationParam(name = "count") IntegerType count) {
        return fhir.expand(id == null ? null : id.getIdPart(), value(url), value(valueSetVersion), value(filter),
                offset == null ? null : offset.getValue(), count == null ? null : count.getValue(), publicOnly());
    }

    @Operation(name = "$lookup", type = CodeSystem.class, idempotent = true)
    public IBaseParameters lookup(@OperationParam(name = "system") UriType system,
                                  @OperationParam(name = "code") StringType code,
                                  @OperationParam(name = "version") StringType version,
                                  @OperationParam(name = "displayLanguage") StringType displayLanguage) {
        return fhir.lookup(value(system), value(code), value(version), value(displayLanguage), publicOnly());
    }

    @Operation(name = "$validate-code", type = ValueSet.class, idempotent = true)
    public Parameters validateCode(@IdParam(optional = true) IdType id,
                                   @OperationParam(name = "url") UriType url,
                                   @OperationParam(name = "valueSetVersion") StringType valueSetVersion,
                                   @OperationParam(name = "system") UriType system,
                                   @OperationParam(name = "code") StringType code,
                                   @OperationParam(name = "display") StringType display) {
        return fhir.validateCode(id == null ? null : id.getIdPart(), value(url), value(valueSetVersion),
                value(system), value(code), value(display), publicOnly());
    }

    private static String value(IPrimitiveType<?> p) {
        return p == null || p.isEmpty() ? null : p.getValueAsString();
    }
}
