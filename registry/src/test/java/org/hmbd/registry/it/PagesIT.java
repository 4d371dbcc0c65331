package org.hmbd.registry.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hmbd.registry.shared.BusinessDates;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web UI's pages on the real server (issue 14): each in both languages, with every control
 * labelled, every post form carrying its CSRF token, no message key missing, every asset served;
 * the language switch remembered; sign-in, the first password change, sign-out; error pages in the
 * user's language without a trace.
 */
class PagesIT extends ConformanceSupport {

    private static final Set<String> LANGUAGES = Set.of("zh-CN", "en");
    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";
    /** A form as browsers post it: UTF-8. */
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    @BeforeAll
    static void forgetTheTemplatesRenderedBefore() {
        RenderedTemplates.reset();
    }

    /**
     * Every template of the web UI was rendered by these tests in both languages (the fragments and
     * the layout within them): a template no test renders could hide a missing message or a form
     * without its CSRF token.
     */
    @AfterAll
    static void everyTemplateWasRenderedInBothLanguages() throws java.io.IOException {
        List<String> expected = new ArrayList<>();
        var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
        for (var r : resolver.getResources("classpath*:templates/**/*.html")) {
            String url = r.getURL().toString();
            String name = url.substring(url.lastIndexOf("templates/") + "templates/".length(), url.length() - ".html".length());
            if (!name.equals("layout") && !name.equals("fragments")) {
                expected.add(name + "|zh");
                expected.add(name + "|en");
            }
        }
        assertThat(expected).as("the templates of the web UI").hasSizeGreaterThan(60);
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(RenderedTemplates.seen());
        assertThat(missing).as("templates never rendered by PagesIT (name|language)").isEmpty();
    }

    /** A request as a browser sends it (HTML accepted by name: pages that need an account redirect). */
    private io.restassured.specification.RequestSpecification browser(String session) {
        var spec = given().port(port).redirects().follow(false).accept(HTML);
        return session == null ? spec : spec.cookie("JSESSIONID", session);
    }

    /** The page, requested in a language; checked for what every page must hold. */
    private Document page(String path, String lang, String session, int status) {
        var spec = given().port(port).redirects().follow(false).header("Accept-Language", lang)
                .accept("text/html,application/xhtml+xml,*/*;q=0.8");
        if (session != null) {
            spec = spec.cookie("JSESSIONID", session);
        }
        Response r = spec.get(path);
        assertThat(r.statusCode()).as(path + " in " + lang).isEqualTo(status);
        return checked(r, path, lang);
    }

    /** A page answered (to a GET or a form's POST), checked for what every page must hold. */
    private Document checked(Response r, String path, String lang) {
        assertThat(r.contentType()).startsWith("text/html");
        Document d = Jsoup.parse(r.asString());
        List<String> wrong = new ArrayList<>();
        String html = d.outerHtml();
        if (html.contains("??")) {
            int at = html.indexOf("??");
            wrong.add("a missing message (??key??): " + html.substring(Math.max(0, at - 80), Math.min(html.length(), at + 80)));
        }
        if (!lang.equals(d.selectFirst("html").attr("lang"))) {
            wrong.add("lang=" + d.selectFirst("html").attr("lang"));
        }
        for (Element control : d.select("input:not([type=hidden]), select, textarea")) {
            String id = control.id();
            boolean labelled = !id.isEmpty() && !d.select("label[for=" + id + "]").isEmpty()
                    || control.hasAttr("aria-label") || control.parent() != null && control.parent().is("label");
            if (!labelled) {
                wrong.add("an unlabelled control " + control.outerHtml());
            }
        }
        for (Element form : d.select("form[method=post]")) {
            if (form.select("input[type=hidden][name=_csrf]").isEmpty()) {
                wrong.add("a post form without its CSRF token: " + form.attr("action"));
            }
        }
        for (Element asset : d.select("script[src], link[rel=stylesheet], link[rel=icon]")) {
            String url = asset.hasAttr("src") ? asset.attr("src") : asset.attr("href");
            if (given().port(port).get(url).statusCode() != 200) {
                wrong.add("an asset not served: " + url);
            }
        }
        String text = d.text();
        if (text.contains("Exception") || text.contains("at org.") || text.contains("Whitelabel")) {
            wrong.add("a trace or exception name");
        }
        boolean chinese = text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        // the page's own words (not the data it shows: names of people, organizations, standards)
        Document chrome = d.clone();
        chrome.select("[data-testid=signed-in-as], [data-testid=language-switch], [data-testid=standards], "
                + "[data-testid=editions], [data-testid=hits], [data-testid=verification] dd, main > h1").remove();
        String words = chrome.select("header, main h1, main h2, label, button, legend, th").text();
        if (lang.equals("en") && words.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN)) {
            wrong.add("Chinese in the English page's own words: " + words);
        }
        if (lang.equals("zh-CN") && !chinese) {
            wrong.add("no Chinese on the Chinese page");
        }
        assertThat(wrong).as(path + " in " + lang).isEmpty();
        return d;
    }

    @Test
    void everyPublicPageRendersInBothLanguagesWithLabelsAndItsAssets() {
        long edition = sampleEdition();
        long standardId = anonymous.get("/api/v1/editions/{id}", edition).then().statusCode(200).extract().jsonPath()
                .getLong("standardId");
        for (String lang : LANGUAGES) {
            Document home = page("/", lang, null, 200);
            assertThat(home.select("[data-testid=standards] a")).as("the published sample is listed").isNotEmpty();
            assertThat(home.select("[data-testid=sign-in]")).isNotEmpty();
            Document list = page("/standards?q=" + SAMPLE_CODE.substring(0, 4), lang, null, 200);
            assertThat(list.select("[data-testid=standards] a").eachAttr("href"))
                    .contains("/standards/" + standardId);
            Document standard = page("/standards/" + standardId, lang, null, 200);
            assertThat(standard.select("[data-testid=editions] li").text()).contains(SAMPLE_CODE);
            assertThat(standard.select("[data-testid=editions] a").eachAttr("href"))
                    .contains("/editions/" + edition + "/contents");
            page("/editions/" + edition + "/contents", lang, null, 200);
            page("/catalog?editionId=" + edition, lang, null, 200);
            Document diff = page("/standards/" + standardId + "/diff", lang, null, 200);
            assertThat(diff.select("select#from option").eachAttr("value")).as("the editions to compare")
                    .contains(String.valueOf(edition));
            page("/certificates/verify", lang, null, 200);
            page("/login", lang, null, 200);
        }
        // the English page says what it is in English
        assertThat(page("/standards/" + standardId, "en", null, 200).select("h2").text()).contains("Editions");
        assertThat(page("/standards/" + standardId, "zh-CN", null, 200).select("h2").text()).contains("版本");
    }

    @Test
    void theLanguageChosenWithTheSwitchIsRememberedOverTheBrowsersOwn() {
        Response chosen = given().port(port).redirects().follow(false).header("Accept-Language", "zh-CN")
                .get("/?lang=en");
        String cookie = chosen.cookie("hmbd-lang");
        assertThat(cookie).isNotNull();
        Document english = Jsoup.parse(chosen.asString());
        assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(english.select("[data-testid=language-switch]").attr("href")).contains("lang=zh-CN");
        // the browser asks for Chinese, the choice says English
        Document next = Jsoup.parse(given().port(port).header("Accept-Language", "zh-CN").cookie("hmbd-lang", cookie)
                .get("/standards").asString());
        assertThat(next.selectFirst("html").attr("lang")).isEqualTo("en");
        // a language the registry does not speak changes nothing
        Response other = given().port(port).header("Accept-Language", "zh-CN").get("/?lang=fr");
        assertThat(other.cookie("hmbd-lang")).isNull();
        assertThat(Jsoup.parse(other.asString()).selectFirst("html").attr("lang")).isEqualTo("zh-CN");
    }

    @Test
    void aCatalogSearchShowsHitsWithEscapedHighlightsFacetsAndPaging() {
        long edition = sampleEdition();
        for (String lang : LANGUAGES) {
            Document all = page("/catalog?editionId=" + edition, lang, null, 200);
            if (!all.select("[data-testid=search-unavailable]").isEmpty()) {
                return; // asserted by the catalog's own tests; the page must still render
            }
            assertThat(all.select("[data-testid=hits] > li h2")).hasSizeGreaterThan(1);
            assertThat(all.select("aside input[type=checkbox][name=type]")).isNotEmpty();
        }
        // the index is fed from PostgreSQL: the sample's value sets arrive in it shortly after start
        Document typed = Poll.until("the sample's value sets in the catalog", java.time.Duration.ofMinutes(1),
                () -> page("/catalog?editionId=" + edition + "&type=VALUE_SET", "en", null, 200),
                d -> !d.select("[data-testid=hits] .kind").isEmpty());
        assertThat(typed.select("[data-testid=hits] .kind").eachText()).allMatch("Value set"::equals);
        // highlights mark the terms found and nothing else
        Document found = page("/catalog?q=民族", "zh-CN", null, 200);
        assertThat(found.select(".highlight em").eachText()).isNotEmpty().allMatch("民族"::contains);
        assertThat(found.select(".highlight *")).allMatch(e -> e.tagName().equals("em"));
        assertThat(typed.select("input[name=type][value=VALUE_SET]").attr("checked")).isNotNull();
    }

    @Test
    void aCertificateIsVerifiedByItsNumberAndAMadeUpOneIsNotGenuine() throws java.io.IOException {
        long edition = sampleEdition();
        Member submitter = member(institution("110105", "TERTIARY"), "SUBMITTER");
        long run = submit(submitter.api(), edition, "valid.zip", zip("valid"), "application/zip").then()
                .statusCode(202).extract().jsonPath().getLong("id");
        String number = awaitFinished(submitter.api(), run).getString("certificateNumber");
        Document valid = page("/certificates/verify?number=" + number, "en", null, 200);
        assertThat(valid.select("[data-testid=verification] h2").text()).isEqualTo("Genuine and valid");
        assertThat(valid.select("[data-testid=verification] dd").eachText()).contains(number);
        Document fake = page("/certificates/verify?number=HMBD-2026-AAAA-BBBB-CCCC", "zh-CN", null, 200);
        assertThat(fake.select("[data-testid=verification]").text()).contains("不是真实的");
    }

    @Test
    void aNewAccountChangesItsPasswordInTheBrowserBeforeAnythingElseThenSignsInAgain() {
        String username = "p" + unique();
        admin.post("/api/v1/users", Identities.account(Map.of("username", username, "displayName", "页面用户",
                "organizationId", root(), "initialPassword", PASSWORD))).then().statusCode(201);
        String session = formSession(username, PASSWORD);
        // every page leads to the password change first
        Response home = browser(session).get("/standards");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.header("Location")).endsWith("/account/password");
        Document form = page("/account/password", "zh-CN", session, 200);
        assertThat(form.select("[data-testid=signed-in-as]").text()).contains("页面用户");
        String csrf = form.select("form[data-testid=password-form] input[name=_csrf]").attr("value");

        // two different new passwords: the form again, with the reason, nothing changed
        Response mismatch = given().port(port).cookie("JSESSIONID", session).header("Accept-Language", "en")
                .contentType(ContentType.URLENC).formParam("_csrf", csrf).formParam("currentPassword", PASSWORD)
                .formParam("newPassword", "Brand-new-Passw0rd").formParam("confirmPassword", "Other-Passw0rd-1")
                .post("/account/password");
        assertThat(mismatch.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(mismatch.asString()).select("[data-testid=password-failed]").text())
                .isEqualTo("The two new passwords differ.");
        // a password the policy refuses: its reason, in the language
        Response weak = given().port(port).cookie("JSESSIONID", session).header("Accept-Language", "zh-CN")
                .contentType(ContentType.URLENC).formParam("_csrf", csrf).formParam("currentPassword", PASSWORD)
                .formParam("newPassword", "short1").formParam("confirmPassword", "short1").post("/account/password");
        assertThat(Jsoup.parse(weak.asString()).select("[data-testid=password-failed]").text()).contains("10");
        // without the CSRF token: refused
        assertThat(given().port(port).cookie("JSESSIONID", session).contentType(ContentType.URLENC)
                .formParam("currentPassword", PASSWORD).formParam("newPassword", "Brand-new-Passw0rd")
                .formParam("confirmPassword", "Brand-new-Passw0rd").post("/account/password").statusCode())
                .isEqualTo(403);

        Response changed = given().port(port).redirects().follow(false).cookie("JSESSIONID", session)
                .contentType(ContentType.URLENC).formParam("_csrf", csrf).formParam("currentPassword", PASSWORD)
                .formParam("newPassword", "Brand-new-Passw0rd").formParam("confirmPassword", "Brand-new-Passw0rd")
                .post("/account/password");
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(changed.header("Location")).endsWith("/login?changed");
        // this session ended with the change; the new password signs in and reaches the pages
        assertThat(browser(session).get("/account/password").statusCode()).isEqualTo(302);
        String again = formSession(username, "Brand-new-Passw0rd");
        Document signedIn = page("/", "en", again, 200);
        assertThat(signedIn.select("[data-testid=signed-in-as]").text()).contains("页面用户");
        assertThat(signedIn.select("[data-testid=sign-in]")).isEmpty();
        // signing out ends it
        String token = signedIn.select("form[action=/logout] input[name=_csrf]").attr("value");
        Response out = given().port(port).redirects().follow(false).cookie("JSESSIONID", again)
                .contentType(ContentType.URLENC).formParam("_csrf", token).post("/logout");
        assertThat(out.header("Location")).endsWith("/?signedOut");
        assertThat(browser(again).get("/account/password").statusCode()).isEqualTo(302);
    }

    @Test
    void aFailedSignInSaysSoInTheUsersLanguage() {
        Response form = given().port(port).get("/login");
        String csrf = Jsoup.parse(form.asString()).select("input[name=_csrf]").attr("value");
        Response failed = given().port(port).redirects().follow(false).cookie("JSESSIONID", form.cookie("JSESSIONID"))
                .contentType(ContentType.URLENC).formParam("username", "nobody-" + unique())
                .formParam("password", "wrong").formParam("_csrf", csrf).post("/login");
        assertThat(failed.header("Location")).endsWith("/login?error");
        assertThat(page("/login?error", "en", null, 200).select("[data-testid=sign-in-failed]").text())
                .startsWith("The user name or password is wrong");
        assertThat(page("/login?error", "zh-CN", null, 200).select("[data-testid=sign-in-failed]").text())
                .startsWith("用户名或密码不正确");
    }

    @Test
    void errorsArePagesInTheUsersLanguageWithoutATrace() {
        Document missing = page("/standards/987654321", "en", null, 404);
        assertThat(missing.select("[data-testid=error-title]").text()).isEqualTo("Not found");
        Document wrongType = page("/standards/not-a-number", "zh-CN", null, 400);
        assertThat(wrongType.select("[data-testid=error-detail]").text()).contains("id");
        Document badPage = page("/standards?page=-1", "en", null, 400);
        assertThat(badPage.select("[data-testid=error-detail]").text()).contains("page");
        // an address with no page: for anonymous callers, like every non-public address, the sign-in first
        Document unknown = page("/no-such-page", "zh-CN", formSession("admin", ADMIN_PASSWORD), 404);
        assertThat(unknown.select("[data-testid=error-title]").text()).isEqualTo("页面不存在");
        // pages that need an account send the browser to sign in
        Response redirect = browser(null).get("/account/password");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.header("Location")).endsWith("/login");
        // the API still answers with problems, also at an address with nothing behind it
        anonymous.get("/api/v1/standards/987654321").then().statusCode(404).contentType("application/problem+json");
        admin.get("/api/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("not-found"))
                .body("detail", org.hamcrest.Matchers.equalTo("Address /api/v1/no-such-thing does not exist."));
    }

    @Test
    void anInstitutionSubmitsFilesWithoutJavaScriptFollowsTheRunAndReadsItsReport() throws java.io.IOException {
        long edition = sampleEdition();
        long hospital = institution("110105", "TERTIARY");
        String username = "s" + unique();
        long id = admin.post("/api/v1/users", Identities.account(Map.of("username", username, "displayName", "上报员",
                "organizationId", hospital, "initialPassword", PASSWORD))).then().statusCode(201).extract()
                .jsonPath().getLong("user.id");
        security.put("/api/v1/users/{id}/roles", Map.of("roles", List.of("SUBMITTER"), "reason", "页面测试"), id)
                .then().statusCode(200);
        String first = Api.signIn(port, username, PASSWORD);
        new Api(port, first).post("/api/v1/auth/password", Map.of("currentPassword", PASSWORD,
                "newPassword", PASSWORD + "x")).then().statusCode(204);
        String session = formSession(username, PASSWORD + "x");
        for (String lang : LANGUAGES) {
            page("/conformance", lang, session, 200);
        }
        Document form = page("/conformance/new", "zh-CN", session, 200);
        assertThat(form.select("select#editionId option").eachAttr("value")).contains(String.valueOf(edition));
        String csrf = form.select("form[data-testid=new-run-form] input[name=_csrf]").attr("value");

        // no file: the form again with the reason
        Response none = browser(session).header("Accept-Language", "en").multiPart("editionId", String.valueOf(edition))
                .multiPart("_csrf", csrf).post("/conformance/runs");
        assertThat(Jsoup.parse(none.asString()).select("[data-testid=run-failed]").text())
                .isEqualTo("Choose at least one file.");
        // two files in one form: an NDJSON file and a zip of Bundles and resources
        byte[] ndjson = java.nio.file.Files.readAllBytes(SAMPLE.resolve("examples/invalid/identity-conflict.ndjson"));
        Response posted = browser(session).multiPart("editionId", String.valueOf(edition)).multiPart("_csrf", csrf)
                .multiPart("files", "identity-conflict.ndjson", ndjson, "application/fhir+ndjson")
                .multiPart("files", "valid.zip", zip("valid"), "application/zip").post("/conformance/runs");
        assertThat(posted.statusCode()).isEqualTo(302);
        String runPage = posted.header("Location").replaceFirst("^https?://[^/]+", "");
        assertThat(runPage).matches("/conformance/runs/\\d+");
        long run = Long.parseLong(runPage.substring(runPage.lastIndexOf('/') + 1));

        // while it runs, the progress alone; once finished, the page reloads into the report
        Poll.until("run " + run + " finished", java.time.Duration.ofMinutes(2),
                () -> browser(session).header("HX-Request", "true").get(runPage + "/progress"),
                r -> "true".equals(r.header("HX-Refresh")));
        for (String lang : LANGUAGES) {
            Document report = page(runPage, lang, session, 200);
            assertThat(report.select("[data-testid=run-status]").attr("data-status")).isEqualTo("SUCCEEDED");
            assertThat(report.select("[data-testid=run-score]").text()).matches("\\d+\\.\\d");
            assertThat(report.select("[data-testid=dimensions] tbody tr")).hasSize(5);
            assertThat(report.select("[data-testid=top-checks] tbody tr")).isNotEmpty();
            assertThat(report.select("[data-testid=findings] tbody tr")).isNotEmpty();
            assertThat(report.select("[data-testid=run-history] li")).hasSizeGreaterThanOrEqualTo(3);
            assertThat(report.select("a[href*=format=html]")).isNotEmpty();
        }
        // the findings filtered by a check: only that check's
        Document report = page(runPage, "en", session, 200);
        String check = report.select("[data-testid=top-checks] tbody tr td a").first().text();
        Document filtered = page(runPage + "?checkId=" + check, "en", session, 200);
        assertThat(filtered.select("[data-testid=findings] tbody tr td:first-child").eachText()).isNotEmpty()
                .allMatch(check::equals);
        assertThat(filtered.select("select#checkId option[selected]").attr("value")).isEqualTo(check);
        // the run is listed
        assertThat(page("/conformance", "en", session, 200).select("[data-testid=runs] a").eachText())
                .contains(String.valueOf(run));
        // another institution's account does not see it
        Member other = member(institution("110106", "TERTIARY"));
        String otherSession = formSession(other.username(), PASSWORD + "x");
        page(runPage, "en", otherSession, 404);
    }

    @Test
    void anInstitutionDownloadsItsReportAndCertificateAsPdfsWhoseQrCodeOpensThePublicVerification() throws Exception {
        long edition = sampleEdition();
        Member submitter = member(institution("110108", "TERTIARY"), "SUBMITTER");
        long run = submit(submitter.api(), edition, "valid.zip", zip("valid"), "application/zip").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        String number = awaitFinished(submitter.api(), run).getString("certificateNumber");
        assertThat(number).isNotNull();
        String session = formSession(submitter.username(), PASSWORD + "x");
        Document page = page("/conformance/runs/" + run, "zh-CN", session, 200);
        String reportLink = page.select("a[data-testid=report-pdf]").attr("href");
        String certificateLink = page.select("a[data-testid=certificate-pdf]").attr("href");
        assertThat(reportLink).isEqualTo("/conformance/runs/" + run + "/report.pdf");

        for (String lang : LANGUAGES) {
            Response report = browser(session).header("Accept-Language", lang).get(reportLink);
            assertThat(report.statusCode()).isEqualTo(200);
            assertThat(report.contentType()).isEqualTo("application/pdf");
            assertThat(report.header("Content-Disposition")).contains("conformance-run-" + run + ".pdf");
            String text = Pdfs.text(report.asByteArray());
            assertThat(text).contains(lang.equals("en") ? "Conformance test report" : "符合性测试报告")
                    .contains(number).contains(lang.equals("en") ? "Scores by dimension" : "各维度得分");
        }
        Response certificateEn = browser(session).header("Accept-Language", "en").get(certificateLink);
        assertThat(certificateEn.statusCode()).isEqualTo(200);
        assertThat(Pdfs.text(certificateEn.asByteArray())).contains("Certificate of Conformance").contains(number);
        Response certificate = browser(session).header("Accept-Language", "zh-CN").get(certificateLink);
        assertThat(certificate.statusCode()).isEqualTo(200);
        assertThat(certificate.contentType()).isEqualTo("application/pdf");
        assertThat(Pdfs.text(certificate.asByteArray())).contains("健康医疗大数据标准符合性证书").contains(number);
        // the QR code printed on it opens the public verification page of this certificate
        String scanned = Pdfs.qrCode(certificate.asByteArray());
        assertThat(scanned).startsWith("http://localhost:" + port + "/certificates/verify?number=").endsWith(number);
        Document verified = page(scanned.replaceFirst("^http://localhost:\\d+", ""), "en", null, 200);
        assertThat(verified.select("[data-testid=verification]").hasClass("valid")).isTrue();

        // another institution gets neither; a run still without a report has no PDF
        String otherSession = formSession(member(institution("110109", "TERTIARY"), "SUBMITTER").username(),
                PASSWORD + "x");
        assertThat(browser(otherSession).get(reportLink).statusCode()).isEqualTo(404);
        assertThat(browser(otherSession).get(certificateLink).statusCode()).isEqualTo(404);
        long waiting = submitter.api().post("/api/v1/conformance/runs",
                Map.of("editionId", edition)).then().statusCode(201).extract().jsonPath().getLong("id");
        Response early = browser(session).header("Accept-Language", "en").get("/conformance/runs/" + waiting + "/report.pdf");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(early.asString()).text()).contains("The run has no result");
        // the institution's certificates, each printable; another institution does not see them
        page("/conformance/certificates", "zh-CN", session, 200);
        Document list = page("/conformance/certificates", "en", session, 200);
        assertThat(list.select("[data-testid=certificates] tr[data-number=" + number + "] a").eachAttr("href"))
                .contains("/certificates/verify?number=" + number, certificateLink);
        assertThat(page("/conformance/certificates", "en", otherSession, 200)
                .select("[data-testid=certificates] tr[data-number=" + number + "]")).isEmpty();
        // reading the report is in the trail
        assertThat(auditor().request().queryParam("actorName", submitter.username())
                .queryParam("action", "GET /conformance/runs/{id}/report.pdf").get("/api/v1/audit-events").then().statusCode(200).extract().jsonPath().getList("items")).isNotEmpty();
    }

    @Test
    void anExpertEvaluatesAnEditionInTheBrowserAndTheRevisionProposalItOpensIsLinked() {
        long edition = sampleEdition();
        Member expert = member(root(), "EXPERT");
        String session = formSession(expert.username(), PASSWORD + "x");
        String path = "/conformance/editions/" + edition + "/evaluations";
        for (String lang : LANGUAGES) {
            Document d = page(path, lang, session, 200);
            assertThat(d.select("[data-testid=evaluation-metrics] dd")).hasSize(3);
        }
        Document form = page(path, "en", session, 200);
        // without reasons: the form again with the reason, nothing recorded
        Response refused = post(session, form, "evaluation-form", Map.of("conclusion", "REVISE", "reasons", " "));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(refused.asString()).select("[data-testid=evaluation-failed]").text()).isNotBlank();
        String reasons = "采用率低，需修订 " + unique();
        Response done = post(session, form, "evaluation-form", Map.of("conclusion", "REVISE", "reasons", reasons));
        assertThat(done.statusCode()).isEqualTo(302);
        Document after = page(path, "zh-CN", session, 200);
        Element row = after.select("[data-testid=evaluations] tbody tr").stream()
                .filter(r -> r.text().contains(reasons)).findFirst().orElseThrow();
        String proposal = row.select("a[data-testid=evaluation-proposal]").attr("href");
        assertThat(proposal).matches("/proposals/\\d+");
        assertThat(page(proposal, "zh-CN", session, 200).text()).contains(reasons);
        // others read the evaluations but are not offered the form, and cannot post it
        Member supervisor = member(root(), "SUPERVISOR");
        String other = formSession(supervisor.username(), PASSWORD + "x");
        Document theirs = page(path, "en", other, 200);
        assertThat(theirs.select("form[data-testid=evaluation-form]")).isEmpty();
        assertThat(postAs(other, theirs, path, Map.of("conclusion", "KEEP", "reasons", "x")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theSystemAdministratorFollowsTheSearchIndexAndRebuildsItInTheBrowser() {
        String session = formSession("admin", ADMIN_PASSWORD);
        Document status = page("/admin/search-index", "en", session, 200);
        assertThat(status.select("[data-testid=index-status]").attr("data-reachable")).isEqualTo("true");
        assertThat(Long.parseLong(status.select("[data-testid=index-items]").text())).isPositive();
        for (String lang : LANGUAGES) {
            page("/admin/search-index", lang, session, 200);
        }
        assertThat(post(session, status, "rebuild-form", Map.of()).statusCode()).isEqualTo(302);
        Poll.until("the rebuild finished", java.time.Duration.ofMinutes(2),
                () -> page("/admin/search-index", "en", session, 200),
                d -> "false".equals(d.select("[data-testid=rebuild-state]").attr("data-running")));
        assertThat(page("/admin/search-index", "en", session, 200).select("[data-testid=rebuild-state]").text())
                .startsWith("Rebuilt");
        // nobody else
        String other = formSession(member(root(), "SUPERVISOR").username(), PASSWORD + "x");
        page("/admin/search-index", "en", other, 403);
        assertThat(postAs(other, page("/", "en", other, 200), "/admin/search-index/rebuild", Map.of()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theLeadUploadsRevisionsComparesThemAndManagesTheWorkingGroupInTheBrowser() {
        Member lead = member(root());
        long edition = draftEdition(root(), lead.id());
        String page = "/editions/" + edition;
        String session = formSession(lead.username(), PASSWORD + "x");
        for (String rev : List.of("性别代码\n1 男\n2 女\n", "性别代码\n1 男\n2 女\n9 未说明\n")) {
            Document d = page(page, "zh-CN", session, 200);
            Response up = browser(session).multiPart("_csrf", csrf(d, "artifact-form"))
                    .multiPart("file", "sex-codes.txt", rev.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            "text/plain; charset=UTF-8").post(page + "/artifacts");
            assertThat(up.statusCode()).isEqualTo(302);
        }
        Document d = page(page, "en", session, 200);
        assertThat(d.select("[data-testid=artifacts] tr[data-artifact=sex-codes.txt] td").get(1).text()).isEqualTo("2");
        for (String lang : LANGUAGES) {
            Document revisions = page(page + "/artifacts/sex-codes.txt", lang, session, 200);
            assertThat(revisions.select("[data-testid=revisions] tbody tr")).hasSize(2);
            assertThat(revisions.select("[data-testid=revisions] tbody tr td:nth-child(2)").eachText())
                    .containsOnly(lead.username());
            assertThat(revisions.select("[data-testid=text-diff] tr.added code").eachText()).containsExactly("9 未说明");
        }
        // the same file without JavaScript but no file chosen: the reason, nothing stored
        Response none = browser(session).header("Accept-Language", "en").multiPart("_csrf", csrf(d, "artifact-form"))
                .multiPart("name", "x.txt").post(page + "/artifacts");
        assertThat(Jsoup.parse(none.asString()).select("[data-testid=edition-failed]").text()).isEqualTo("Choose a file.");

        // the lead adds a drafter by user name, who may then upload; a wrong name says so
        Member drafter = member(root());
        Response added = post(session, d, "add-member", Map.of("username", drafter.username(), "role", "DRAFTER"));
        assertThat(added.statusCode()).isEqualTo(302);
        Document after = page(page, "en", session, 200);
        assertThat(after.select("[data-testid=group] tr[data-member=" + drafter.username() + "]").text()).contains("Drafter");
        Response unknown = post(session, after, "add-member", Map.of("username", "nobody-" + unique(), "role", "DRAFTER"));
        assertThat(Jsoup.parse(unknown.asString()).select("[data-testid=edition-failed]").text()).contains("不存在");
        String drafterSession = formSession(drafter.username(), PASSWORD + "x");
        Document theirs = page(page, "en", drafterSession, 200);
        assertThat(theirs.select("form[data-testid=artifact-form]")).hasSize(1);
        assertThat(theirs.select("form[data-testid=add-member]")).isEmpty();
        assertThat(postAs(drafterSession, theirs, page + "/members", Map.of("username", lead.username(),
                "role", "REVIEWER")).statusCode()).isEqualTo(403);
        // and removes them again
        assertThat(post(session, after, "remove-" + drafter.username(), Map.of()).statusCode()).isEqualTo(302);
        assertThat(page(page, "en", session, 200).select("[data-testid=group] tr[data-member=" + drafter.username() + "]"))
                .isEmpty();
        // anonymous readers see no draft
        page(page + "/artifacts/sex-codes.txt", "en", null, 404);
    }

    @Test
    void theOfflineValidatorIsOfferedForDownloadWithItsDigestAndInstructions() throws Exception {
        sampleEdition();
        String session = formSession(member(institution("110111", "TERTIARY"), "SUBMITTER").username(), PASSWORD + "x");
        assertThat(page("/conformance", "en", session, 200).select("a[data-testid=offline-link]").attr("href"))
                .isEqualTo("/conformance/offline");
        for (String lang : LANGUAGES) {
            Document d = page("/conformance/offline", lang, session, 200);
            assertThat(d.select("[data-testid=cli-command]").text()).startsWith("java -jar hmbd-validate.jar --standard");
            assertThat(d.select("[data-testid=offline-editions] a")).isNotEmpty();
        }
        // the build under test made the CLI jar (the server runs from registry/, it sits in ../validator/target)
        Document d = page("/conformance/offline", "en", session, 200);
        String sha = d.select("[data-testid=cli-sha256]").text();
        assertThat(sha).as("the CLI jar is offered").matches("[0-9a-f]{64}");
        Response jar = browser(session).get(d.select("a[data-testid=cli-download]").attr("href"));
        assertThat(jar.statusCode()).isEqualTo(200);
        byte[] bytes = jar.asByteArray();
        assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)))
                .isEqualTo(sha);
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
            java.util.jar.Manifest manifest = null;
            for (var e = zip.getNextEntry(); e != null && manifest == null; e = zip.getNextEntry()) {
                if (e.getName().equals("META-INF/MANIFEST.MF")) {
                    manifest = new java.util.jar.Manifest(zip);
                }
            }
            assertThat(manifest.getMainAttributes().getValue("Main-Class")).isEqualTo("org.hmbd.validator.cli.Main");
        }
        // the launcher that keeps a class-data-sharing archive
        assertThat(d.select("[data-testid=cli-launcher-command]").text()).startsWith("sh hmbd-validate --standard");
        Response launcher = browser(session).get(d.select("a[data-testid=cli-launcher]").attr("href"));
        assertThat(launcher.statusCode()).isEqualTo(200);
        assertThat(launcher.header("Content-Disposition")).contains("hmbd-validate");
        assertThat(launcher.asString()).startsWith("#!/bin/sh").contains("-XX:ArchiveClassesAtExit", "-jar \"$jar\"");
        // anonymous: sign in first
        assertThat(browser(null).get("/conformance/offline").statusCode()).isEqualTo(302);
        assertThat(browser(null).get("/conformance/offline/hmbd-validate").statusCode()).isEqualTo(302);
    }

    /** A text field of a multipart form, in UTF-8 as browsers send it (RestAssured's default is ISO-8859-1). */
    private static io.restassured.specification.MultiPartSpecification text(String name, String value) {
        return new io.restassured.builder.MultiPartSpecBuilder(value).controlName(name).charset("UTF-8").build();
    }

    @Test
    void anyAccountValidatesOneResourceInTheBrowserWithTheFindingsOfFhirValidate() throws Exception {
        long edition = sampleEdition();
        Member user = member(organization("INSTITUTION", "350103"));
        String session = formSession(user.username(), PASSWORD + "x");
        assertThat(page("/conformance", "en", session, 200).select("a[data-testid=validate-link]").attr("href"))
                .isEqualTo("/conformance/validate");
        byte[] invalid = Files.readAllBytes(SAMPLE.resolve("examples/invalid/patient-wrong-check-character.json"));
        List<String> fhir = user.api().request().contentType("application/fhir+json").body(invalid)
                .post("/fhir/Patient/$validate?edition=" + edition).then().statusCode(200).extract().jsonPath()
                .getList("issue.details.coding.code.flatten()", String.class);
        for (String lang : LANGUAGES) {
            Document form = page("/conformance/validate", lang, session, 200);
            assertThat(form.select("select#editionId option[value=" + edition + "]")).hasSize(1);
            // pasted, against the edition: the same checks as $validate, in the page's language
            Response r = browser(session).header("Accept-Language", lang).multiPart("_csrf", csrf(form, "validate-form"))
                    .multiPart("editionId", String.valueOf(edition))
                    .multiPart(text("resource", new String(invalid, java.nio.charset.StandardCharsets.UTF_8)))
                    .post("/conformance/validate");
            assertThat(r.statusCode()).isEqualTo(200);
            Document d = checked(r, "the result of /conformance/validate", lang);
            assertThat(d.select("[data-testid=validate-issues] tbody td:first-child").eachText())
                    .containsExactlyInAnyOrderElementsOf(fhir);
            assertThat(d.select("[data-testid=validate-issues] tr[data-severity=ERROR] td:first-child").eachText())
                    .contains("HMBD-ID-RESIDENT");
            assertThat(Integer.parseInt(d.select("[data-testid=validate-result]").attr("data-errors"))).isPositive();
            assertThat(d.select("[data-testid=validate-against]").text()).contains(SAMPLE_CODE);
            assertThat(d.select("textarea#resource").text()).as("the text stays to be corrected")
                    .contains("\"resourceType\"");
            assertThat(d.select("select#editionId option[selected]").attr("value")).isEqualTo(String.valueOf(edition));
        }
        // a valid resource as a file, and one in XML against the base specification
        Document form = page("/conformance/validate", "en", session, 200);
        Document valid = checked(browser(session).header("Accept-Language", "en")
                .multiPart("_csrf", csrf(form, "validate-form")).multiPart("editionId", String.valueOf(edition))
                .multiPart("file", "patient-zhang.json", Files.readAllBytes(SAMPLE.resolve("examples/valid/patient-zhang.json")),
                        "application/fhir+json").post("/conformance/validate"), "a valid file", "en");
        assertThat(valid.select("[data-testid=validate-result]").attr("data-errors")).isEqualTo("0");
        assertThat(valid.text()).contains("patient-zhang.json");
        String xml = "<Patient xmlns=\"http://hl7.org/fhir\"><gender value=\"nonsense\"/></Patient>";
        Document base = checked(browser(session).header("Accept-Language", "zh-CN")
                .multiPart("_csrf", csrf(form, "validate-form")).multiPart("editionId", "").multiPart(text("resource", xml))
                .post("/conformance/validate"), "XML against the base specification", "zh-CN");
        assertThat(base.select("[data-testid=validate-against]").text()).contains("FHIR R4");
        assertThat(Integer.parseInt(base.select("[data-testid=validate-result]").attr("data-errors"))).isPositive();
        // nothing given, an edition that does not exist, malformed JSON: said on the page, nothing else
        Document nothing = checked(browser(session).header("Accept-Language", "en")
                .multiPart("_csrf", csrf(form, "validate-form")).multiPart("resource", " ")
                .post("/conformance/validate"), "nothing to validate", "en");
        assertThat(nothing.select("[data-testid=validate-failed]").text()).isEqualTo("Paste a resource or choose a file.");
        assertThat(nothing.select("[data-testid=validate-result]")).isEmpty();
        Document unknown = checked(browser(session).header("Accept-Language", "en")
                .multiPart("_csrf", csrf(form, "validate-form")).multiPart("editionId", "987654321")
                .multiPart("resource", "{\"resourceType\":\"Patient\"}").post("/conformance/validate"),
                "an unknown edition", "en");
        assertThat(unknown.select("[data-testid=validate-failed]").text()).isNotBlank();
        Document broken = checked(browser(session).header("Accept-Language", "en")
                .multiPart("_csrf", csrf(form, "validate-form")).multiPart("resource", "{\"resourceType\": \"Pat")
                .post("/conformance/validate"), "malformed JSON", "en");
        assertThat(broken.select("[data-testid=validate-issues] td:first-child").eachText()).contains("HMBD-INPUT-MALFORMED");
        // without the form's token: refused; anonymous: sign in first
        assertThat(browser(session).multiPart("resource", "{}").post("/conformance/validate").statusCode()).isEqualTo(403);
        assertThat(browser(null).get("/conformance/validate").statusCode()).isEqualTo(302);
    }

    @Test
    void theHomePageWithItsAssetsWeighsUnder300KbTransferredAndLoadsNoChartLibrary() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.function.Function<String, byte[]> fetch = path -> {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                        .header("Accept", HTML).header("Accept-Encoding", "gzip").build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        byte[] home = fetch.apply("/");
        long total = home.length;
        Document d = page("/", "zh-CN", null, 200);
        List<String> assets = new ArrayList<>();
        d.select("script[src], link[rel=stylesheet], img[src]").forEach(e -> assets.add(e.hasAttr("src") ? e.attr("src")
                : e.attr("href")));
        assertThat(assets).isNotEmpty().noneMatch(a -> a.contains("echarts"));
        for (String a : assets) {
            total += fetch.apply(a).length;
        }
        assertThat(total).as("bytes transferred for / and " + assets).isLessThan(300 * 1024);
        assertThat(home.length).as("the page is sent compressed").isLessThan(page("/", "zh-CN", null, 200)
                .outerHtml().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    @Test
    void aCitizenRegistersInTheBrowserIsVerifiedByTheAdministratorAndMakesAnApiToken() {
        Document form = page("/register", "zh-CN", null, 200);
        // the organizations offered are found by name (a national deployment has thousands)
        String named = "注册用医院" + unique();
        long hospital = admin.post("/api/v1/organizations", Map.of("nameZh", named, "kind", "HEALTHCARE_INSTITUTION",
                "level", "INSTITUTION", "regionCode", "110105", "grade", "TERTIARY")).then().statusCode(201).extract()
                .jsonPath().getLong("id");
        assertThat(page("/register?org=" + named, "en", null, 200).select("select#organizationId option")
                .eachAttr("value")).containsExactly(String.valueOf(hospital));
        String username = "r" + unique();
        // the passwords differ: the form again, what was typed kept, never the password
        Response differ = browser(null).header("Accept-Language", "en").contentType(FORM)
                .formParam("username", username).formParam("displayName", "市民")
                .formParam("organizationId", String.valueOf(root())).formParam("realName", "王小明")
                .formParam("idKind", "RESIDENT_ID_CARD").formParam("idNumber", "11010519491231002X")
                .formParam("password", "Citizen-Passw0rd-1").formParam("confirmPassword", "other").post("/register");
        Document again = Jsoup.parse(differ.asString());
        assertThat(again.select("[data-testid=register-failed]").text()).isEqualTo("The two new passwords differ.");
        assertThat(again.select("input#username").attr("value")).isEqualTo(username);
        assertThat(again.select("input#password").attr("value")).isEmpty();
        String idNumber = Identities.residentId();
        Response done = browser(null).header("Accept-Language", "en").contentType(FORM).formParam("username", username)
                .formParam("displayName", "市民").formParam("organizationId", String.valueOf(root()))
                .formParam("realName", "王小明").formParam("idKind", "RESIDENT_ID_CARD").formParam("idNumber", idNumber)
                .formParam("password", "Citizen-Passw0rd-1").formParam("confirmPassword", "Citizen-Passw0rd-1")
                .post("/register");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(done.asString()).select("[data-testid=registered]").text()).contains(username);
        assertThat(form.select("input[name=_csrf]")).isNotEmpty();
        // pending: no sign-in until verified
        long total = admin.get("/api/v1/users?size=1").then().statusCode(200).extract().jsonPath().getLong("total");
        long id = admin.get("/api/v1/users?size=100&page={p}", (total - 1) / 100).then().statusCode(200).extract()
                .jsonPath().getLong("items.find { it.username == '" + username + "' }.id");
        assertThat(admin.get("/api/v1/users/{id}", id).then().extract().jsonPath().getString("status"))
                .isEqualTo("PENDING_VERIFICATION");
        admin.post("/api/v1/users/{id}/transitions", Map.of("to", "ACTIVE"), id).then().statusCode(200);
        String session = formSession(username, "Citizen-Passw0rd-1");

        // a personal access token, its secret shown once, then usable by a program, then revoked
        for (String lang : LANGUAGES) {
            page("/account/tokens", lang, session, 200);
        }
        Document tokens = page("/account/tokens", "en", session, 200);
        Response created = browser(session).contentType(FORM).formParam("_csrf", csrf(tokens, "token-form"))
                .formParam("name", "上报程序").formParam("scopes", "READ").formParam("expiresInDays", "30")
                .post("/account/tokens");
        Document shown = Jsoup.parse(created.asString());
        String secret = shown.select("[data-testid=token-secret]").text();
        assertThat(secret).startsWith("hmbd_pat_");
        assertThat(new Api(port, secret).get("/api/v1/me").then().statusCode(200).extract().jsonPath()
                .getString("username")).isEqualTo(username);
        Document listed = page("/account/tokens", "en", session, 200);
        assertThat(listed.text()).doesNotContain(secret);
        assertThat(post(session, listed, listed.selectFirst("form[data-testid^=revoke-]").attr("data-testid"), Map.of())
                .statusCode()).isEqualTo(302);
        assertThat(new Api(port, secret).get("/api/v1/me").statusCode()).isEqualTo(401);
        // the security administrator sees the account's tokens and revokes one; the system administrator does not
        Document created2 = Jsoup.parse(browser(session).contentType(FORM).formParam("_csrf", csrf(listed, "token-form"))
                .formParam("name", "第二个").formParam("scopes", "READ").post("/account/tokens").asString());
        String second = created2.select("[data-testid=token-secret]").text();
        String guard = formSession("security", SECURITY_PASSWORD);
        Document account = page("/admin/users/" + id, "en", guard, 200);
        assertThat(account.select("[data-testid=account-tokens] tr[data-token]").eachAttr("data-token"))
                .contains("上报程序", "第二个");
        String revokeForm = account.select("[data-testid=account-tokens] tr[data-token=第二个] form").attr("data-testid");
        assertThat(post(guard, account, revokeForm, Map.of()).statusCode()).isEqualTo(302);
        assertThat(new Api(port, second).get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(page("/admin/users/" + id, "en", formSession("admin", ADMIN_PASSWORD), 200)
                .select("[data-testid=account-tokens]")).isEmpty();
        // no scope: the reason
        Response none = browser(session).header("Accept-Language", "en").contentType(FORM)
                .formParam("_csrf", csrf(listed, "token-form")).formParam("name", "x").post("/account/tokens");
        assertThat(Jsoup.parse(none.asString()).select("[data-testid=token-failed]").text()).isNotBlank();
        // registered in Chinese: the confirmation in Chinese
        String other = "r" + unique();
        Response zh = browser(null).header("Accept-Language", "zh-CN").contentType(FORM).formParam("username", other)
                .formParam("displayName", "市民乙").formParam("organizationId", String.valueOf(root()))
                .formParam("realName", "李小红").formParam("idKind", "RESIDENT_ID_CARD")
                .formParam("idNumber", Identities.residentId()).formParam("password", "Citizen-Passw0rd-2")
                .formParam("confirmPassword", "Citizen-Passw0rd-2").post("/register");
        assertThat(zh.statusCode()).isEqualTo(200);
        Document registered = Jsoup.parse(zh.asString());
        assertThat(registered.selectFirst("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(registered.select("[data-testid=registered]").text()).contains(other).doesNotContain("??");
    }

    @Test
    void theStandardsAdministrationGrowsTheCategoryTreeInTheBrowserAndEveryoneReadsIt() {
        String admin = formSession(standardsUsername(), PASSWORD + "x");
        Document tree = page("/categories", "en", admin, 200);
        assertThat(tree.select("[data-testid=categories] tr[data-category]")).isNotEmpty();
        String parent = tree.select("[data-testid=categories] tr[data-category]").first().attr("data-category");
        String code = "WEB_" + Math.abs(unique().hashCode() % 100000);
        assertThat(post(admin, tree, "category-form", Map.of("code", code, "parentCode", parent, "nameZh", "网页类别",
                "nameEn", "Web category", "sortOrder", "9")).statusCode()).isEqualTo(302);
        // a code of the wrong shape: the reason, nothing added
        Response wrong = post(admin, tree, "category-form", Map.of("code", "bad code", "nameZh", "x", "nameEn", "x"));
        assertThat(Jsoup.parse(wrong.asString()).select("[data-testid=category-failed]").text()).isNotBlank();
        Document added = page("/categories", "zh-CN", admin, 200);
        assertThat(added.select("tr[data-category=" + code + "] td").first().text()).isEqualTo("网页类别");
        // renamed; moving it under itself is refused with the reason
        assertThat(post(admin, added, "edit-" + code, Map.of("nameZh", "网页类别（改）", "nameEn", "Web category 2",
                "parentCode", parent, "sortOrder", "1")).statusCode()).isEqualTo(302);
        Response cycle = post(admin, added, "edit-" + code, Map.of("nameZh", "x", "nameEn", "x", "parentCode", code));
        assertThat(Jsoup.parse(cycle.asString()).select("[data-testid=category-failed]").text()).isNotBlank();
        for (String lang : LANGUAGES) {
            Document anonymous = page("/categories", lang, null, 200);
            assertThat(anonymous.select("tr[data-category=" + code + "] td").first().text())
                    .isEqualTo(lang.equals("en") ? "Web category 2" : "网页类别（改）");
            assertThat(anonymous.select("form")).as("no forms for the public").allMatch(f -> f.attr("method").equals("get")
                    || f.attr("action").equals("/logout"));
        }
    }

    /** A post with the session's own CSRF token (from a page it was shown), to an address its pages do not offer. */
    private Response postAs(String session, Document shown, String action, Map<String, String> fields) {
        var spec = browser(session).contentType(FORM).formParam("_csrf",
                shown.select("meta[name=csrf-token]").attr("content"));
        for (var e : fields.entrySet()) {
            spec = spec.formParam(e.getKey(), e.getValue());
        }
        return spec.post(action);
    }

    /** The post form's CSRF token on a page. */
    private static String csrf(Document page, String form) {
        return page.select("form[data-testid=" + form + "] input[name=_csrf]").attr("value");
    }

    @Test
    void aCitizenProposesInTheBrowserAndTheAdministrationAcceptsItIntoThePlan() {
        Member citizen = member(root());
        String session = formSession(citizen.username(), PASSWORD + "x");
        page("/proposals/new", "en", session, 200);
        Document form = page("/proposals/new", "zh-CN", session, 200);
        assertThat(form.select("select#category option")).isNotEmpty();
        String title = "网页提案 " + unique();
        // a required field missing: the form again, with the reason and what was typed
        Response missing = browser(session).contentType(FORM).formParam("_csrf", csrf(form, "proposal-form"))
                .formParam("kind", "NEW").formParam("titleZh", title).formParam("category", "DATA_SET")
                .formParam("intendedLevel", "WS").formParam("rationale", "需要").post("/proposals");
        Document again = Jsoup.parse(missing.asString());
        assertThat(again.select("[data-testid=proposal-failed]").text()).contains("scope");
        assertThat(again.select("input#titleZh").attr("value")).isEqualTo(title);
        Response made = browser(session).contentType(FORM).formParam("_csrf", csrf(form, "proposal-form"))
                .formParam("kind", "NEW").formParam("titleZh", title).formParam("category", "DATA_SET")
                .formParam("intendedLevel", "WS").formParam("scope", "门诊数据").formParam("rationale", "需要")
                .formParam("proposingOrganization", "某医院").formParam("targetStandardId", "").post("/proposals");
        assertThat(made.statusCode()).isEqualTo(302);
        String proposalPage = made.header("Location").replaceFirst("^https?://[^/]+", "");
        // a form's write is in the audit trail like the API's: who, what, the outcome
        assertThat(auditor().get("/api/v1/audit-events?actorName={a}&action=POST /proposals", citizen.username())
                .then().statusCode(200).extract().jsonPath().getList("items.outcome", String.class))
                .contains("ATTEMPT", "SUCCESS");
        Document mine = page(proposalPage, "en", session, 200);
        assertThat(mine.select("[data-testid=proposal-status]").attr("data-status")).isEqualTo("SUBMITTED");
        assertThat(mine.select("[data-testid=decision]")).as("a citizen decides nothing").isEmpty();
        assertThat(mine.select("[data-testid=withdraw-form]")).as("the proposer may withdraw").isNotEmpty();
        // a citizen posting a decision anyway is refused
        assertThat(browser(session).contentType(FORM).formParam("_csrf", csrf(mine, "withdraw-form"))
                .formParam("reason", "x").post(proposalPage + "/reject").statusCode()).isEqualTo(403);

        String admin = formSession(standardsUsername(), PASSWORD + "x");
        // "my work": the proposer's proposals; the administration's decisions waiting
        for (String lang : LANGUAGES) {
            assertThat(page("/my-work", lang, session, 200).select("[data-testid=work-proposals] a").eachText())
                    .contains(title);
            assertThat(page("/my-work", lang, admin, 200).select("[data-testid=work-toDecide] a").eachText())
                    .contains(title);
        }
        Document decide = page(proposalPage, "zh-CN", admin, 200);
        assertThat(decide.select("[data-testid=withdraw-form]")).isEmpty();
        String token = csrf(decide, "accept-form");
        // an unknown lead: the reason, nothing decided
        Response unknown = browser(admin).header("Accept-Language", "en").contentType(FORM)
                .formParam("_csrf", token).formParam("year", "2026").formParam("leadOrganizationId", String.valueOf(root()))
                .formParam("leadUsername", "nobody-" + unique()).formParam("dueDate", "2027-06-30")
                .post(proposalPage + "/accept");
        assertThat(Jsoup.parse(unknown.asString()).select("[data-testid=decision-failed]").text()).contains("does not exist");
        Response accepted = browser(admin).contentType(FORM).formParam("_csrf", token)
                .formParam("year", "2026").formParam("leadOrganizationId", String.valueOf(root()))
                .formParam("leadUsername", citizen.username()).formParam("workingGroupName", "网页工作组")
                .formParam("dueDate", "2027-06-30").formParam("reason", "同意").post(proposalPage + "/accept");
        assertThat(accepted.statusCode()).isEqualTo(302);
        Document decided = page(proposalPage, "zh-CN", admin, 200);
        assertThat(decided.select("[data-testid=proposal-status]").attr("data-status")).isEqualTo("ACCEPTED");
        assertThat(decided.select("[data-testid=decision]")).isEmpty();
        assertThat(decided.select("[data-testid=proposal-history] li").text()).contains("同意");
        for (String lang : LANGUAGES) {
            Document plan = page("/work-plan?year=2026", lang, session, 200);
            assertThat(plan.select("[data-testid=plan] a").eachText()).contains(title);
            page("/proposals", lang, session, 200);
        }
    }

    /** Posts a page's form as a browser does: UTF-8, its CSRF token, the session. */
    private Response post(String session, Document page, String form, Map<String, String> fields) {
        Element f = page.selectFirst("form[data-testid=" + form + "]");
        assertThat(f).as("the form " + form).isNotNull();
        var spec = browser(session).contentType(FORM);
        for (Element hidden : f.select("input[type=hidden]")) {
            spec = spec.formParam(hidden.attr("name"), hidden.attr("value"));
        }
        for (var e : fields.entrySet()) {
            spec = spec.formParam(e.getKey(), e.getValue());
        }
        return spec.post(f.attr("action"));
    }

    @Test
    void anEditionGoesThroughCommentReviewAndPublicationWithTheButtonsEachPartyIsOffered() {
        Member lead = member(root());
        long edition = draftEdition(root(), lead.id());
        String page = "/editions/" + edition;
        String leadSession = formSession(lead.username(), PASSWORD + "x");
        Member citizen = member(root());
        String citizenSession = formSession(citizen.username(), PASSWORD + "x");
        Member expert = member(root(), "EXPERT");
        String expertSession = formSession(expert.username(), PASSWORD + "x");
        String admin = formSession(standardsUsername(), PASSWORD + "x");

        assertThat(page("/my-work", "en", leadSession, 200).select("[data-testid=work-drafts] a").eachAttr("href"))
                .contains(page);
        // the draft is no public page; the lead is offered opening the comment (and nothing an expert does)
        assertThat(browser(null).get(page).statusCode()).isEqualTo(404);
        Document draft = page(page, "zh-CN", leadSession, 200);
        assertThat(draft.select("[data-testid=moves] details").eachAttr("data-move")).containsExactly("PUBLIC_COMMENT");
        assertThat(page(page, "en", citizenSession, 200).select("[data-testid=moves]")).isEmpty();
        assertThat(post(leadSession, draft, "move-PUBLIC_COMMENT", Map.of("commentDeadline",
                BusinessDates.today().plusDays(20).toString())).statusCode()).isEqualTo(302);

        // anyone signed in comments; the group disposes with a reason
        Document open = page(page, "zh-CN", citizenSession, 200);
        assertThat(open.select("[data-testid=edition-status]").attr("data-status")).isEqualTo("PUBLIC_COMMENT");
        assertThat(post(citizenSession, open, "comment-form", Map.of("section", "4.2", "text", "建议增加民族字段"))
                .statusCode()).isEqualTo(302);
        Document withComment = page(page, "en", leadSession, 200);
        assertThat(withComment.select("[data-testid=comments] li").text()).contains("建议增加民族字段");
        Element dispose = withComment.selectFirst("form[data-testid^=dispose-]");
        assertThat(dispose).isNotNull();
        // moving on while a comment has no disposition is refused with the reason
        Response early = post(leadSession, withComment, "move-EXPERT_REVIEW", Map.of());
        assertThat(early.statusCode()).isEqualTo(302); // into review; the dispositions are checked when leaving it
        Document review = page(page, "en", leadSession, 200);
        assertThat(post(leadSession, review, review.selectFirst("form[data-testid^=dispose-]").attr("data-testid"),
                Map.of("disposition", "NOT_ACCEPTED", "reason", "")).statusCode())
                .as("not accepted needs its reason: the page again").isEqualTo(200);
        assertThat(post(leadSession, review, review.selectFirst("form[data-testid^=dispose-]").attr("data-testid"),
                Map.of("disposition", "PARTLY_ACCEPTED", "reason", "部分采纳")).statusCode()).isEqualTo(302);
        assertThat(page(page, "zh-CN", citizenSession, 200).select("[data-testid=disposition]").text())
                .contains("部分采纳");

        // the expert approves; a reason is required to send it back
        Document expertView = page(page, "zh-CN", expertSession, 200);
        assertThat(expertView.select("[data-testid=moves] details").eachAttr("data-move"))
                .containsExactlyInAnyOrder("DRAFTING", "APPROVED");
        assertThat(expertView.select("form[data-testid=move-DRAFTING] textarea[required]")).isNotEmpty();
        assertThat(post(expertSession, expertView, "move-APPROVED", Map.of()).statusCode()).isEqualTo(302);

        // the administration publishes with a code and a date; a wrong code: the reason, still approved
        Document approved = page(page, "en", admin, 200);
        assertThat(approved.select("[data-testid=moves] details").eachAttr("data-move")).contains("PUBLISHED");
        Response wrong = post(admin, approved, "move-PUBLISHED", Map.of("code", "GB/T 1-2026",
                "effectiveDate", BusinessDates.today().plusMonths(3).toString()));
        assertThat(Jsoup.parse(wrong.asString()).select("[data-testid=edition-failed]").text()).contains("code");
        String code = "WS/T " + (10000 + (int) (Math.random() * 89999)) + "-" + BusinessDates.today().getYear();
        assertThat(post(admin, approved, "move-PUBLISHED", Map.of("code", code,
                "effectiveDate", BusinessDates.today().plusMonths(3).toString())).statusCode()).isEqualTo(302);
        for (String lang : LANGUAGES) {
            Document published = page(page, lang, null, 200);
            assertThat(published.select("[data-testid=edition-status]").attr("data-status")).isEqualTo("PUBLISHED");
            assertThat(published.select("[data-testid=edition-history] li")).hasSizeGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void aProvinceSupervisorSeesItsRegionsDashboardAndNotAnothers() throws java.io.IOException {
        long edition = sampleEdition();
        long province = organization("PROVINCE", "520000", root());
        long hospital = institution("520102", "TERTIARY", province);
        long otherProvince = organization("PROVINCE", "530000", root());
        long otherHospital = institution("530102", "SECONDARY", otherProvince);
        String otherSubmitter = null;
        for (long h : List.of(hospital, otherHospital)) {
            Member s = member(h, "SUBMITTER");
            if (h == otherHospital) {
                otherSubmitter = s.username();
            }
            long run = submit(s.api(), edition, "valid.zip", zip("valid"), "application/zip").then().statusCode(202)
                    .extract().jsonPath().getLong("id");
            awaitFinished(s.api(), run);
        }
        Member supervisor = member(province, "SUPERVISOR");
        String session = formSession(supervisor.username(), PASSWORD + "x");
        for (String lang : LANGUAGES) {
            Document d = page("/conformance/editions/" + edition + "/adoption?groupBy=county", lang, session, 200);
            assertThat(d.select("[data-testid=adoption-regions] tbody th").eachText()).contains("520102")
                    .doesNotContain("530102");
            assertThat(d.select("[data-testid=tested]").text()).isEqualTo("1");
            // each chart draws the numbers of the table beside it, and only this page loads the chart library
            tools.jackson.databind.JsonNode chart = tools.jackson.databind.json.JsonMapper.builder().build()
                    .readTree(d.select("[data-testid=chart-regions]").attr("data-chart"));
            assertThat(chart.path("categories").toString()).contains("520102").doesNotContain("530102");
            assertThat(d.select("[data-testid=chart-regions]").attr("aria-label")).isNotBlank();
            // the pass rate over time: the chart's percentages are the table's
            tools.jackson.databind.JsonNode months = tools.jackson.databind.json.JsonMapper.builder().build()
                    .readTree(d.select("[data-testid=chart-months]").attr("data-chart"));
            assertThat(months.path("series").get(0).path("data").get(0).asDouble()).isEqualTo(100.0);
            assertThat(d.select("[data-testid=adoption-months] tbody td").last().text()).isEqualTo("100.0%");
            assertThat(d.select("script[src*=echarts]")).hasSize(1);
        }
        assertThat(page("/", "en", session, 200).select("script[src*=echarts]")).isEmpty();
        // the experts see the whole country
        String expert = formSession(member(root(), "EXPERT").username(), PASSWORD + "x");
        assertThat(page("/conformance/editions/" + edition + "/adoption?groupBy=county", "en", expert, 200)
                .select("[data-testid=adoption-regions] tbody th").eachText()).contains("520102", "530102");
        // the regulator's view: the region's institutions, each access recorded as a regulator read
        for (String lang : LANGUAGES) {
            Document regulator = page("/regulator", lang, session, 200);
            assertThat(regulator.select("[data-testid=institutions] tr[data-institution]").eachAttr("data-institution"))
                    .contains(String.valueOf(hospital)).doesNotContain(String.valueOf(otherHospital));
        }
        assertThat(auditor().request().queryParam("actorName", supervisor.username()).queryParam("action", "GET /regulator")
                .get("/api/v1/audit-events").then().statusCode(200).extract().jsonPath().getList("items.outcome",
                        String.class)).isNotEmpty();
        page("/regulator", "en", expert, 403);
        // and the audit events of its region's accounts: the hospital's submitter, not the other province's
        for (String lang : LANGUAGES) {
            Document events = page("/regulator/audit?size=50", lang, session, 200);
            assertThat(events.select("[data-testid=regulator-audit] tbody tr")).isNotEmpty();
        }
        String outsider = otherSubmitter;
        assertThat(page("/regulator/audit", "en", session, 200).select("[data-testid=regulator-audit] tbody tr td:nth-child(2)")
                .eachText()).isNotEmpty().noneMatch(t -> t.startsWith(outsider));
        page("/regulator/audit", "en", expert, 403);
        // a bad grouping: the error page
        page("/conformance/editions/" + edition + "/adoption?groupBy=planet", "en", session, 400);
    }

    @Test
    void theAdministratorsCreateAnOrganizationAndAnAccountGrantARoleAndLockItInTheBrowser() {
        String system = formSession("admin", ADMIN_PASSWORD);
        String securitySession = formSession("security", SECURITY_PASSWORD);
        Document orgs = page("/admin/organizations", "zh-CN", system, 200);
        String name = "网页医院 " + unique();
        // a wrong region code: the form again, with the reason and what was typed
        Response bad = post(system, orgs, "organization-form", Map.of("nameZh", name, "kind", "HEALTHCARE_INSTITUTION",
                "level", "INSTITUTION", "regionCode", "12", "grade", "TERTIARY", "parentId", String.valueOf(root())));
        Document again = Jsoup.parse(bad.asString());
        assertThat(again.select("[data-testid=organization-failed]").text()).contains("regionCode");
        assertThat(again.select("input#nameZh").attr("value")).isEqualTo(name);
        assertThat(post(system, orgs, "organization-form", Map.of("nameZh", name, "kind", "HEALTHCARE_INSTITUTION",
                "level", "INSTITUTION", "regionCode", "110105", "grade", "TERTIARY", "parentId",
                String.valueOf(root()))).statusCode()).isEqualTo(302);
        long hospital = admin.get("/api/v1/organizations?q={q}", name).then().extract().jsonPath().getLong("items[0].id");

        page("/admin/users/new", "zh-CN", system, 200);
        Document form = page("/admin/users/new", "en", system, 200);
        String username = "w" + unique();
        Response created = post(system, form, "user-form", Map.of("username", username, "displayName", "网页账号",
                "organizationId", String.valueOf(hospital), "realName", "王小明", "idKind", "RESIDENT_ID_CARD",
                "idNumber", Identities.residentId()));
        assertThat(created.statusCode()).isEqualTo(200);
        Document user = Jsoup.parse(created.asString());
        assertThat(user.select("[data-testid=one-time-password] code").text()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(user.select("dl.facts").text()).contains("王*").doesNotContain("王小明");
        long id = admin.get("/api/v1/users?organizationId={o}", hospital).then().extract().jsonPath()
                .getLong("items[0].id");
        String page = "/admin/users/" + id;
        // the system administrator grants nothing; the security administrator does, with a reason
        assertThat(page(page, "en", system, 200).select("[data-testid=roles-form]")).isEmpty();
        Document grant = page(page, "zh-CN", securitySession, 200);
        assertThat(post(securitySession, grant, "roles-form", Map.of("roles", "SUBMITTER", "reason", "上报数据"))
                .statusCode()).isEqualTo(302);
        Document granted = page(page, "zh-CN", securitySession, 200);
        assertThat(granted.select("[data-testid=account-roles] [data-role]").eachAttr("data-role")).containsExactly("SUBMITTER");
        assertThat(granted.select("[data-testid=account-history]").text()).contains("上报数据");
        // a role the security administrator may not give here (national at an institution): the reason
        Response national = post(securitySession, granted, "roles-form", Map.of("roles", "STANDARDS_ADMIN",
                "reason", "x"));
        assertThat(Jsoup.parse(national.asString()).select("[data-testid=account-failed]").text()).isNotBlank();
        // the system administrator locks it
        Document lock = page(page, "en", system, 200);
        assertThat(post(system, lock, "account-move-LOCKED", Map.of("reason", "离职")).statusCode()).isEqualTo(302);
        assertThat(page(page, "en", system, 200).select("[data-testid=account-status]").attr("data-status"))
                .isEqualTo("LOCKED");
        for (String lang : LANGUAGES) {
            page("/admin/users", lang, system, 200);
            page("/admin/organizations", lang, system, 200);
        }
        // an account without an administrator role sees no account of others
        String plain = formSession(member(root()).username(), PASSWORD + "x");
        page("/admin/users", "en", plain, 403);
        page(page, "en", plain, 403);
    }

    @Test
    void theAuditAdministratorSearchesExportsAndVerifiesTheTrailInTheBrowser() {
        Member someone = member(root());
        someone.api().post("/api/v1/proposals", Map.of("kind", "NEW", "titleZh", "审计页面 " + unique(), "category",
                "DATA_SET", "intendedLevel", "WS", "scope", "s", "rationale", "r", "proposingOrganization", "o"))
                .then().statusCode(201);
        Member auditor = member(root(), "AUDIT_ADMIN");
        String session = formSession(auditor.username(), PASSWORD + "x");
        for (String lang : LANGUAGES) {
            Document found = page("/audit?actorName=" + someone.username(), lang, session, 200);
            assertThat(found.select("[data-testid=audit-events] tbody tr")).isNotEmpty();
            assertThat(found.select("[data-testid=audit-events] tbody tr td:nth-child(2)").eachText())
                    .allMatch(t -> t.startsWith(someone.username()));
        }
        Document verified = page("/audit?verify=true", "en", session, 200);
        assertThat(verified.select("[data-testid=verification-result]").attr("data-intact")).isEqualTo("true");
        String export = page("/audit?actorName=" + someone.username(), "en", session, 200)
                .select("a[href*=format=ndjson]").attr("href");
        Response lines = browser(session).get(export);
        assertThat(lines.statusCode()).isEqualTo(200);
        assertThat(lines.asString().lines()).isNotEmpty().allMatch(l -> l.contains(someone.username()));
        // the reads are recorded too
        assertThat(auditor.api().get("/api/v1/audit-events?actorName={a}&action=GET /audit", auditor.username())
                .then().statusCode(200).extract().jsonPath().getList("items")).isNotEmpty();
        // nobody else reads it
        page("/audit", "en", formSession(member(root(), "SUPERVISOR").username(), PASSWORD + "x"), 403);
        page("/audit", "en", formSession("admin", ADMIN_PASSWORD), 403);
    }
}
