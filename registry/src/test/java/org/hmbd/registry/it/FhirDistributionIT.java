package org.hmbd.registry.it;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.ImplementationGuide;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.hmbd.validator.content.FhirPackage;
import org.hmbd.validator.content.StandardContent;
import org.hmbd.validator.engine.Limits;
import org.hmbd.validator.engine.ValidationEngine;
import org.hmbd.validator.report.ReportOperationOutcome;
import org.junit.jupiter.api.Test;

/** The catalog's FHIR distribution, used the way FHIR tooling uses it: HAPI's generic client, NPM packages. */
class FhirDistributionIT extends ConformanceSupport {

    static final String BASE = "http://fhir.hmbd-registry.org/sample/core/";
    static final String PATIENT = BASE + "StructureDefinition/hmbd-patient";
    static final String SEX_VS = BASE + "ValueSet/gbt-2261-1-sex";
    static final String SEX_CS = BASE + "CodeSystem/gbt-2261-1-sex";
    static final FhirContext CTX = ValidationEngine.fhirContext();

    IGenericClient client(Api api) {
        CTX.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient client = CTX.newRestfulGenericClient("http://localhost:" + port + "/fhir");
        if (api.token() != null) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(api.token()));
        }
        return client;
    }

    /** The shipped sample, once its content is in the catalog. */
    long sample() {
        long edition = sampleEdition();
        Poll.until("the sample in the catalog", Duration.ofMinutes(1),
                () -> anonymous.get("/api/v1/catalog/lookup?url={u}", PATIENT).then().extract().jsonPath()
                        .getList("findAll { it.editionId == " + edition + " }"), l -> !l.isEmpty());
        return edition;
    }

    static List<String> ids(Bundle b) {
        return b.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
    }

    @Test
    void theCapabilityStatementDescribesTheCatalogOperations() {
        CapabilityStatement cs = client(anonymous).capabilities().ofType(CapabilityStatement.class).execute();
        Map<String, CapabilityStatement.CapabilityStatementRestResourceComponent> byType = new TreeMap<>();
        cs.getRestFirstRep().getResource().forEach(r -> byType.put(r.getType(), r));
        assertThat(byType).containsKeys("StructureDefinition", "ValueSet", "CodeSystem", "ImplementationGuide");
        assertThat(byType.get("ValueSet").getInteraction()).extracting(i -> i.getCode().toCode())
                .contains("read", "search-type");
        assertThat(byType.get("ValueSet").getOperation()).extracting(o -> o.getName())
                .contains("expand", "validate-code");
        assertThat(byType.get("CodeSystem").getOperation()).extracting(o -> o.getName()).contains("lookup");
        assertThat(byType.get("StructureDefinition").getSearchParam()).extracting(p -> p.getName())
                .contains("url", "version", "status");
    }

    @Test
    void conformanceResourcesAreReadAndSearchedByUrlVersionAndStatus() {
        long edition = sample();
        IGenericClient fhir = client(anonymous);
        Bundle byUrl = fhir.search().forResource(StructureDefinition.class)
                .where(StructureDefinition.URL.matches().value(PATIENT)).returnBundle(Bundle.class).execute();
        assertThat(ids(byUrl)).contains(edition + "-hmbd-patient");

        StructureDefinition read = fhir.read().resource(StructureDefinition.class).withId(edition + "-hmbd-patient")
                .execute();
        assertThat(read.getUrl()).isEqualTo(PATIENT);
        assertThat(read.getStatus()).isEqualTo(PublicationStatus.ACTIVE);
        assertThat(read.getDifferential().getElement()).isNotEmpty();

        Bundle active = fhir.search().forResource(StructureDefinition.class)
                .where(StructureDefinition.URL.matches().value(PATIENT))
                .and(StructureDefinition.VERSION.exactly().code("0.1.0"))
                .and(StructureDefinition.STATUS.exactly().code("active")).returnBundle(Bundle.class).execute();
        assertThat(ids(active)).contains(edition + "-hmbd-patient");
        Bundle otherVersion = fhir.search().forResource(StructureDefinition.class)
                .where(StructureDefinition.URL.matches().value(PATIENT))
                .and(StructureDefinition.VERSION.exactly().code("9.9.9")).returnBundle(Bundle.class).execute();
        assertThat(otherVersion.getEntry()).isEmpty();
        Bundle retired = fhir.search().forResource(StructureDefinition.class)
                .where(StructureDefinition.STATUS.exactly().code("retired")).returnBundle(Bundle.class).execute();
        assertThat(ids(retired)).doesNotContain(edition + "-hmbd-patient");

        Bundle valueSets = fhir.search().forResource(ValueSet.class).returnBundle(Bundle.class).execute();
        assertThat(ids(valueSets)).contains(edition + "-gbt-2261-1-sex", edition + "-vital-signs");

        ImplementationGuide guide = fhir.read().resource(ImplementationGuide.class).withId(edition + "-ig").execute();
        assertThat(guide.getPackageId()).isEqualTo("hmbd.core.sample");
        assertThat(guide.getVersion()).isEqualTo("0.1.0");
        assertThat(guide.getDefinition().getResource()).extracting(r -> r.getReference().getReference())
                .contains("StructureDefinition/" + edition + "-hmbd-patient");

        assertThatThrownBy(() -> fhir.read().resource(StructureDefinition.class).withId(edition + "-nothing")
                .execute()).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> fhir.read().resource(ValueSet.class).withId("not-an-edition").execute())
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void terminologyOperationsAnswerFromTheEditionsOwnCodeSystems() {
        long edition = sample();
        IGenericClient fhir = client(anonymous);
        ValueSet expanded = fhir.operation().onType(ValueSet.class).named("$expand")
                .withParameter(Parameters.class, "url", new UriType(SEX_VS)).useHttpGet()
                .returnResourceType(ValueSet.class).execute();
        assertThat(expanded.getExpansion().getContains()).extracting(ValueSet.ValueSetExpansionContainsComponent::getCode)
                .containsExactlyInAnyOrder("0", "1", "2", "9");
        ValueSet byId = fhir.operation().onInstance(ValueSet.class.getSimpleName() + "/" + edition + "-gbt-2261-1-sex")
                .named("$expand").withNoParameters(Parameters.class).useHttpGet()
                .returnResourceType(ValueSet.class).execute();
        assertThat(byId.getExpansion().getContains()).hasSize(4);

        Parameters lookup = fhir.operation().onType(CodeSystem.class).named("$lookup")
                .withParameter(Parameters.class, "system", new UriType(SEX_CS))
                .andParameter("code", new CodeType("1")).useHttpGet().execute();
        assertThat(lookup.getParameter("display").getValue().primitiveValue()).isEqualTo("男性");

        Parameters good = fhir.operation().onType(ValueSet.class).named("$validate-code")
                .withParameter(Parameters.class, "url", new UriType(SEX_VS))
                .andParameter("system", new UriType(SEX_CS)).andParameter("code", new CodeType("2")).useHttpGet()
                .execute();
        assertThat(good.getParameterBool("result")).isTrue();
        Parameters bad = fhir.operation().onType(ValueSet.class).named("$validate-code")
                .withParameter(Parameters.class, "url", new UriType(SEX_VS))
                .andParameter("system", new UriType(SEX_CS)).andParameter("code", new CodeType("7")).execute();
        assertThat(bad.getParameterBool("result")).isFalse();
        assertThat(bad.getParameter("message").getValue().primitiveValue()).isNotBlank();

        assertThatThrownBy(() -> fhir.operation().onType(ValueSet.class).named("$expand")
                .withParameter(Parameters.class, "url", new UriType(BASE + "ValueSet/nothing")).useHttpGet()
                .returnResourceType(ValueSet.class).execute()).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> fhir.operation().onType(CodeSystem.class).named("$lookup")
                .withParameter(Parameters.class, "system", new UriType(SEX_CS))
                .andParameter("code", new StringType("nope")).useHttpGet().execute())
                .isInstanceOf(ResourceNotFoundException.class);
        // a system no edition defines is not "found" (the validator's chain would say so, to only warn)
        assertThatThrownBy(() -> fhir.operation().onType(CodeSystem.class).named("$lookup")
                .withParameter(Parameters.class, "system", new UriType("http://example.org/no-such-system"))
                .andParameter("code", new CodeType("1")).useHttpGet().execute())
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aParameterOfTheWrongTypeIsA400NamingNoInternals() {
        sample();
        for (String query : List.of("count=abc", "offset=x", "count=99999999999")) {
            String body = anonymous.get("/fhir/ValueSet/$expand?url={u}&" + query, SEX_VS).then().statusCode(400)
                    .body("resourceType", org.hamcrest.Matchers.equalTo("OperationOutcome")).extract().asString();
            assertThat(body).as(query).doesNotContain("Exception").doesNotContain("java.").doesNotContain("HAPI-0389")
                    .contains("parameter");
        }
    }

    @Test
    void draftEditionsAreVisibleToAccountsOnly() throws Exception {
        sample();
        long org = organization("NATIONAL", "100000");
        Member lead = member(org);
        long draft = draftEdition(org, lead.id());
        String name = "hmbd.draft.t" + Math.abs(draft);
        lead.api().request().contentType("application/gzip").body(samplePackage(name))
                .put("/api/v1/editions/{id}/artifacts/{name}", draft, "fhir-package.tgz").then().statusCode(201);
        Poll.until("the draft content in the catalog", Duration.ofMinutes(1),
                () -> admin.get("/api/v1/catalog/lookup?url={u}", PATIENT).then().extract().jsonPath()
                        .getList("findAll { it.editionId == " + draft + " }"), l -> !l.isEmpty());
        Bundle signedIn = client(admin).search().forResource(StructureDefinition.class)
                .where(StructureDefinition.URL.matches().value(PATIENT)).returnBundle(Bundle.class).execute();
        StructureDefinition draftPatient = (StructureDefinition) signedIn.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r.getIdElement().getIdPart().equals(draft + "-hmbd-patient")).findFirst().orElseThrow();
        assertThat(draftPatient.getStatus()).isEqualTo(PublicationStatus.DRAFT);

        Bundle anon = client(anonymous).search().forResource(StructureDefinition.class)
                .where(StructureDefinition.URL.matches().value(PATIENT)).returnBundle(Bundle.class).execute();
        assertThat(ids(anon)).doesNotContain(draft + "-hmbd-patient");
        assertThatThrownBy(() -> client(anonymous).read().resource(StructureDefinition.class)
                .withId(draft + "-hmbd-patient").execute()).isInstanceOf(ResourceNotFoundException.class);
        anonymous.get("/api/v1/packages/{n}", name).then().statusCode(404).body("code", equalTo("not-found"));

        // what the draft changes against the edition in force, and whom it affects
        long sample = sampleEdition();
        JsonPath diff = admin.get("/api/v1/catalog/diff?from={f}&to={t}", sample, draft).then().statusCode(200)
                .extract().jsonPath();
        assertThat(diff.getLong("from.editionId")).isEqualTo(sample);
        assertThat(diff.getString("to.status")).isEqualTo("DRAFTING");
        assertThat(diff.getList("profiles.changed")).isEmpty();
        assertThat(diff.getString("codeSystems.changed[0].url")).isEqualTo(SEX_CS);
        assertThat(diff.getString("codeSystems.changed[0].displaysChanged[0].to")).isEqualTo("未说明");
        assertThat(diff.getString("valueSets.changed[0].url")).isEqualTo(SEX_VS);
        assertThat(diff.getList("impact.profiles.identifier", String.class))
                .contains(BASE + "StructureDefinition/hmbd-patient");
        assertThat(diff.getBoolean("impact.testSuite.changed")).isFalse();
        assertThat(diff.getLong("impact.certificatesInForce")).isGreaterThanOrEqualTo(0);
        anonymous.get("/api/v1/catalog/diff?from={f}&to={t}", sample, draft).then().statusCode(404);
        anonymous.get("/api/v1/catalog/diff?from={f}&to={t}", sample, sample).then().statusCode(200)
                .body("codeSystems.changed", empty());
        anonymous.get("/api/v1/catalog/diff?from={f}", sample).then().statusCode(400);

        // the same in the browser: the diff page with its impact, the draft's contents for accounts only
        long standard = admin.get("/api/v1/editions/{id}", sample).then().statusCode(200).extract().jsonPath()
                .getLong("standardId");
        String session = formSession("admin", ADMIN_PASSWORD);
        Document page = Jsoup.parse(page(session, "/standards/" + standard + "/diff?from="
                + sample + "&to=" + draft, 200));
        assertThat(page.select("[data-testid=affected-profiles] code").eachText())
                .contains(BASE + "StructureDefinition/hmbd-patient");
        assertThat(page.select("[data-testid=changed-value-sets] code").eachText()).contains(SEX_VS);
        assertThat(page.select("select#to option[selected]").attr("value")).isEqualTo(String.valueOf(draft));
        page(null, "/standards/" + standard + "/diff?from=" + sample + "&to=" + draft, 404);
        Document contents = Jsoup.parse(page(session, "/editions/" + draft + "/contents", 200));
        assertThat(contents.select("[data-testid=contents-VALUE_SET] code").eachText()).contains(SEX_VS);
        page(null, "/editions/" + draft + "/contents", 404);
        anonymous.get("/api/v1/catalog/editions/{id}/items", draft).then().statusCode(404);
    }

    /** A page's HTML as a browser gets it, with the session's cookie (none: anonymous). */
    private String page(String session, String path, int status) {
        var spec = io.restassured.RestAssured.given().port(port).accept("text/html").header("Accept-Language", "en");
        if (session != null) {
            spec = spec.cookie("JSESSIONID", session);
        }
        var r = spec.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(status);
        return r.asString();
    }

    @Test
    void anEditionsContentsAreAPageWithItsCodesAndDownloadsAsPackageJsonAndCsv() throws Exception {
        long edition = sample();
        Document page = Jsoup.parse(page(null, "/editions/" + edition + "/contents", 200));
        assertThat(page.select("[data-testid=contents-CODE_SYSTEM] code").eachText()).contains(SEX_CS, "1", "2");
        assertThat(page.select("[data-testid=contents-PROFILE] code").eachText())
                .contains(BASE + "StructureDefinition/hmbd-patient");
        String pkg = page.select("a[data-testid=download-package]").attr("href");
        assertThat(pkg).isEqualTo("/api/v1/catalog/editions/" + edition + "/package");
        byte[] tgz = anonymous.get(pkg).then().statusCode(200).contentType("application/gzip").extract().asByteArray();
        assertThat(page.select("[data-testid=downloads] code").text()).isEqualTo(sha256(tgz));
        List<String> identifiers = anonymous.get(page.select("a[data-testid=download-json]").attr("href")).then()
                .statusCode(200).extract().jsonPath().getList("identifier", String.class);
        assertThat(identifiers).contains(SEX_CS);
        String csv = anonymous.get(page.select("a[data-testid=download-csv]").attr("href")).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertThat(csv).startsWith("\uFEFFtype,identifier,url,version,name_zh");
        assertThat(csv.lines().count() - 1).isEqualTo(identifiers.size());
        anonymous.get("/api/v1/catalog/editions/{id}/items?format=xml", edition).then().statusCode(400)
                .body("code", equalTo("validation-failed"));
    }

    @Test
    void aDownloadedPackageLoadsIntoTheValidatorAndValidatesExactlyAsTheEdition() throws Exception {
        long edition = sample();
        anonymous.get("/api/v1/packages").then().statusCode(200).body("name", org.hamcrest.Matchers.hasItem(
                "hmbd.core.sample"));
        JsonPath listing = anonymous.get("/api/v1/packages/hmbd.core.sample").then().statusCode(200)
                .body("'dist-tags'.latest", equalTo("0.1.0")).extract().jsonPath();
        String tarball = listing.getString("versions.'0.1.0'.dist.tarball");
        assertThat(tarball).endsWith("/api/v1/packages/hmbd.core.sample/0.1.0");
        byte[] tgz = anonymous.request().get(tarball.substring(tarball.indexOf("/api/"))).then().statusCode(200)
                .contentType("application/gzip").extract().asByteArray();
        assertThat(sha256(tgz)).isEqualTo(listing.getString("versions.'0.1.0'.sha256"));

        // standard FHIR tooling (HL7's NPM package reader) loads it, index included
        NpmPackage npm = NpmPackage.fromPackage(new ByteArrayInputStream(tgz));
        assertThat(npm.name()).isEqualTo("hmbd.core.sample");
        assertThat(npm.listResources("StructureDefinition")).hasSize(8);
        assertThat(npm.listResources("ValueSet", "CodeSystem")).hasSize(7);

        // the validator loaded from the download gives exactly the edition's answers
        ValidationEngine local = ValidationEngine.create(StandardContent.load(CTX, new ByteArrayInputStream(tgz),
                "downloaded"), Limits.defaults());
        List<Path> examples = new ArrayList<>();
        for (String folder : List.of("valid", "invalid")) {
            try (Stream<Path> files = Files.list(SAMPLE.resolve("examples").resolve(folder))) {
                files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(examples::add);
            }
        }
        assertThat(examples).hasSizeGreaterThan(8);
        int issues = 0;
        for (Path example : examples) {
            byte[] body = Files.readAllBytes(example);
            OperationOutcome mine = ReportOperationOutcome.of(local.run(List.of(new ValidationEngine.Source(
                    "resource.json", () -> new ByteArrayInputStream(body))), 1, null), "en");
            String served = admin.request().contentType("application/fhir+json").body(body)
                    .post("/fhir/$validate?edition={e}", edition).then().statusCode(200).extract().asString();
            OperationOutcome theirs = CTX.newJsonParser().parseResource(OperationOutcome.class, served);
            assertThat(summary(mine)).as(example.getFileName().toString()).isEqualTo(summary(theirs));
            issues += mine.getIssue().size();
        }
        assertThat(issues).as("the invalid examples do raise issues").isGreaterThan(examples.size());
    }

    private static List<String> summary(OperationOutcome oo) {
        return oo.getIssue().stream().map(i -> i.getSeverity() + "|" + i.getCode() + "|" + i.getDiagnostics() + "|"
                + i.getExpression()).sorted().toList();
    }

    static byte[] samplePackage(String name) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(SAMPLE.resolve("package"))) {
            for (Path f : list.toList()) {
                files.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        files.put("package.json", new String(files.get("package.json"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"hmbd.core.sample\"", "\"" + name + "\"").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // one change of content: a display of the sex code table
        String sex = "CodeSystem-gbt-2261-1-sex.json";
        files.put(sex, new String(files.get(sex), java.nio.charset.StandardCharsets.UTF_8)
                .replace("未说明的性别", "未说明").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ByteArrayOutputStream tgz = new ByteArrayOutputStream();
        FhirPackage.write(files, Files.readAllBytes(SAMPLE.resolve("manifest.json")), tgz);
        return tgz.toByteArray();
    }
}
