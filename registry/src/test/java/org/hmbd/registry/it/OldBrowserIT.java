package org.hmbd.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The web UI on an old hospital PC's browser (issue 14): Chromium 109, the last of Windows 7 and
 * the engine of the 360 and other domestic browsers of that age, on the real server, in both
 * languages. Every page visited loads its styles, raises no script error and logs no error, has
 * {@code lang} set, shows no missing message and does not scroll sideways at 1024x768; and what
 * the pages do with JavaScript works there: the contrast mode, uploads with progress, the run's
 * live progress (htmx), the reason dialog and the charts. The journeys in full, with the axe scan
 * and the keyboard, run in today's Chromium ({@link BrowserJourneyIT}).
 */
class OldBrowserIT extends ConformanceSupport {

    private OldChromium browser;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens the page and checks what every page must be in Chromium 109. */
    private void visit(String path, String lang) throws Exception {
        browser.open(url(path));
        check(path, lang);
    }

    private void check(String what, String lang) throws Exception {
        assertThat(browser.eval("document.documentElement.lang")).as(what).isEqualTo(lang);
        assertThat(browser.eval("getComputedStyle(document.querySelector('header.site .bar')).display"))
                .as("the stylesheet applies on " + what).isEqualTo("flex");
        assertThat((String) browser.eval("document.body.innerText")).as(what).doesNotContain("??");
        assertThat(((Number) browser.eval("document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .intValue()).as("sideways scrolling of " + what + " at 1024x768").isLessThanOrEqualTo(0);
        assertThat(browser.errors()).as("script errors and errors logged, up to " + what).isEmpty();
    }

    private void signIn(String username, String lang) throws Exception {
        browser.open(url("/login"));
        browser.navigate("the page after signing in", "document.getElementById('username').value = '" + username
                + "';" + "document.getElementById('password').value = '" + PASSWORD + "x';"
                + "document.querySelector('[data-testid=sign-in-submit]').click()");
        assertThat(browser.is("!!document.querySelector('[data-testid=signed-in-as]')")).as("signed in").isTrue();
        check("the page after signing in", lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void chromium109RunsThePublicInstitutionCitizenAndSupervisorPages(String lang) throws Exception {
        long edition = sampleEdition();
        long standardId = anonymous.get("/api/v1/editions/{id}", edition).then().statusCode(200).extract().jsonPath()
                .getLong("standardId");
        long province = organization("PROVINCE", "510000", root());
        Member submitter = member(institution("510104", "TERTIARY", province), "SUBMITTER");
        Member citizen = member(root());
        Member supervisor = member(province, "SUPERVISOR");
        browser = new OldChromium(lang);
        try {
            assertThat(browser.version()).contains("/109.");

            // the public pages, and the large-text, high-contrast mode
            for (String path : List.of("/", "/standards?q=" + SAMPLE_CODE.substring(0, 4), "/standards/" + standardId,
                    "/editions/" + edition + "/contents", "/standards/" + standardId + "/diff", "/catalog?q=患者",
                    "/categories", "/certificates/verify", "/register", "/login")) {
                visit(path, lang);
            }
            browser.open(url("/"));
            browser.eval("document.querySelector('[data-testid=contrast-toggle]').click()");
            assertThat(browser.eval("document.documentElement.classList.contains('contrast')")).isEqualTo(true);
            assertThat(browser.eval("getComputedStyle(document.documentElement).fontSize")).isEqualTo("20px");
            visit("/standards", lang);
            assertThat(browser.eval("document.documentElement.classList.contains('contrast')"))
                    .as("the mode is remembered").isEqualTo(true);
            browser.eval("document.querySelector('[data-testid=contrast-toggle]').click()");

            // an institution uploads two files (through the API, with progress), follows the run live
            // (htmx), and reads its report
            signIn(submitter.username(), lang);
            visit("/conformance/new", lang);
            Path data = Files.createTempDirectory("hmbd-upload-109");
            Path ndjson = Files.copy(SAMPLE.resolve("examples/valid/patients.ndjson"), data.resolve("patients.ndjson"));
            Path zip = Files.write(data.resolve("valid.zip"), zip("valid"));
            browser.eval("document.getElementById('editionId').value = '" + edition + "'");
            browser.setFiles("#files", List.of(ndjson, zip));
            browser.navigate("the run's page", Duration.ofSeconds(60),
                    "document.querySelector('[data-testid=run-submit]').click()");
            assertThat(browser.is("/\\/conformance\\/runs\\/\\d+$/.test(location.pathname)")).isTrue();
            assertThat(browser.eval("typeof htmx")).isEqualTo("object");
            browser.waitFor("the run to finish, followed on its page", Duration.ofSeconds(120), () -> browser.is(
                    "(document.querySelector('[data-testid=run-status]') || {}).getAttribute"
                            + " && document.querySelector('[data-testid=run-status]').getAttribute('data-status') === 'SUCCEEDED'"
                            + " && !!document.querySelector('[data-testid=run-score]')"));
            check("the run's report", lang);
            assertThat((String) browser.eval("document.querySelector('dl.facts').innerText"))
                    .contains("patients.ndjson", "valid.zip");
            assertThat(browser.eval("fetch(document.querySelector('[data-testid=report-pdf]').href)"
                    + ".then(function (r) { return r.status + ' ' + r.headers.get('content-type'); })"))
                    .isEqualTo("200 application/pdf");

            // a citizen proposes, then withdraws it through the reason dialog
            signIn(citizen.username(), lang);
            visit("/proposals/new", lang);
            String title = "旧浏览器提案 " + unique();
            browser.navigate("the proposal's page", "document.getElementById('titleZh').value = '" + title + "';"
                    + "document.getElementById('scope').value = '门诊病历';"
                    + "document.getElementById('rationale').value = '各院字段不一致';"
                    + "document.getElementById('proposingOrganization').value = '某县人民医院';"
                    + "document.querySelector('[data-testid=proposal-submit]').click()");
            assertThat(browser.is("/\\/proposals\\/\\d+$/.test(location.pathname)")).isTrue();
            check("the proposal", lang);
            browser.eval("document.querySelector('[data-testid=open-withdraw]').click()");
            assertThat(browser.eval("document.querySelector('[data-testid=dialog-withdraw]').open")).isEqualTo(true);
            assertThat(browser.eval("document.activeElement.id")).isEqualTo("withdrawReason");
            browser.eval("document.querySelector('[data-testid=cancel-withdraw]').click()");
            assertThat(browser.eval("document.querySelector('[data-testid=dialog-withdraw]').open")).isEqualTo(false);
            // the dialog's close event, which returns the focus, comes as a task of its own
            browser.waitFor("the focus back on the button that opened the dialog", () -> browser.is(
                    "document.activeElement.getAttribute('data-testid') === 'open-withdraw'"));
            browser.navigate("the withdrawal", "document.querySelector('[data-testid=open-withdraw]').click();"
                    + "document.getElementById('withdrawReason').value = '重复提案';"
                    + "document.querySelector('[data-testid=withdraw-submit]').click()");
            assertThat(browser.eval("document.querySelector('[data-testid=proposal-status]').getAttribute('data-status')"))
                    .isEqualTo("WITHDRAWN");
            check("the withdrawn proposal", lang);

            // a province supervisor's dashboard, its chart drawn by ECharts
            signIn(supervisor.username(), lang);
            browser.open(url("/conformance/editions/" + edition + "/adoption?groupBy=county"));
            browser.waitFor("the chart of the regions", () -> browser.is(
                    "!!document.querySelector('[data-testid=chart-regions] svg')"));
            check("the adoption dashboard", lang);
            assertThat((String) browser.eval("document.querySelector('[data-testid=adoption-regions]').innerText"))
                    .contains("510104");
        } finally {
            browser.close();
        }
    }
}
