package org.hmbd.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real browser (issue 14): Debian's headless Chromium through its chromium-driver,
 * on the real server, in both languages. Elements are found by their label's control or a test id,
 * never by visible text. Every page visited is scanned with axe (WCAG 2.1 A and AA rules) and fails
 * on a serious or critical violation; the key pages are saved as screenshots under docs/screenshots.
 * Needs the packages {@code chromium chromium-driver fonts-noto-cjk} ({@code .ci/run} installs them).
 */
class BrowserJourneyIT extends ConformanceSupport {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("../docs/screenshots");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private WebDriver driver;
    private Path profile;

    private WebDriver browser(String lang) throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER))
                .as("Chromium and its driver (apt-get install chromium chromium-driver fonts-noto-cjk)").isTrue();
        profile = Files.createTempDirectory("hmbd-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--lang=" + lang, "--window-size=1024,768");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", lang));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    @AfterEach
    void close() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private WebElement byTestId(String id) {
        return driver.findElement(By.cssSelector("[data-testid=" + id + "]"));
    }

    /** The page has loaded in the language, passes the accessibility scan, and is saved when named. */
    private void check(String lang, String screenshot) throws IOException {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
        assertThat(driver.getPageSource()).doesNotContain("??");
        Results axe = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        List<String> blocking = new ArrayList<>();
        for (Rule v : axe.getViolations()) {
            if (BLOCKING.contains(v.getImpact())) {
                blocking.add(v.getId() + " (" + v.getImpact() + "): " + v.getNodes().stream().limit(3)
                        .map(n -> String.valueOf(n.getTarget())).toList());
            }
        }
        assertThat(blocking).as("axe on " + driver.getCurrentUrl()).isEmpty();
        if (screenshot != null) {
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(screenshot + "-" + (lang.equals("en") ? "en" : "zh")
                    + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void thePublicFindsAStandardItsContentsAndVerifiesACertificate(String lang) throws IOException {
        long edition = sampleEdition();
        Member submitter = member(institution("110105", "TERTIARY"), "SUBMITTER");
        long run = submit(submitter.api(), edition, "valid.zip", zip("valid"), "application/zip").then()
                .statusCode(202).extract().jsonPath().getLong("id");
        String certificate = awaitFinished(submitter.api(), run).getString("certificateNumber");

        browser(lang).get(url("/"));
        check(lang, "home");
        // find the sample standard with the home page's search
        driver.findElement(By.id("standard-q")).sendKeys(SAMPLE_CODE.substring(0, 9));
        driver.findElement(By.id("standard-q")).submit();
        check(lang, null);
        WebElement first = byTestId("standards").findElement(By.cssSelector("tbody a"));
        first.click();
        check(lang, "standard");
        assertThat(byTestId("editions").getText()).contains(SAMPLE_CODE);
        // the edition's contents in the catalog, narrowed to value sets with a facet
        byTestId("editions").findElement(By.cssSelector("a[href*='/catalog?editionId=']")).click();
        check(lang, null);
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            if (d.findElements(By.id("type-VALUE_SET")).isEmpty()) {
                d.navigate().refresh(); // the index is fed shortly after start
                return false;
            }
            return true;
        });
        driver.findElement(By.id("type-VALUE_SET")).click();
        driver.findElement(By.id("type-VALUE_SET")).submit();
        check(lang, "catalog");
        assertThat(byTestId("hits").findElements(By.cssSelector("li h2"))).isNotEmpty();
        assertThat(driver.findElement(By.id("type-VALUE_SET")).isSelected()).isTrue();

        // verify the certificate by its number
        driver.get(url("/certificates/verify"));
        driver.findElement(By.id("number")).sendKeys(certificate);
        driver.findElement(By.id("number")).submit();
        check(lang, "verify");
        assertThat(byTestId("verification").getAttribute("class")).contains("valid").doesNotContain("invalid");
        assertThat(byTestId("verification").getText()).contains(certificate);

        // the switch shows the same page in the other language, and the choice stays
        String other = lang.equals("en") ? "zh-CN" : "en";
        byTestId("language-switch").click();
        check(other, null);
        assertThat(byTestId("verification").getText()).contains(certificate);
        driver.get(url("/standards"));
        check(other, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void aNewAccountSignsInChangesItsOneTimePasswordAndSignsOut(String lang) throws IOException {
        String username = "b" + unique();
        admin.post("/api/v1/users", Identities.account(Map.of("username", username, "displayName", "浏览器用户",
                "organizationId", root(), "initialPassword", PASSWORD))).then().statusCode(201);
        browser(lang).get(url("/"));
        byTestId("sign-in").click();
        check(lang, "sign-in");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("wrong password");
        byTestId("sign-in-submit").click();
        check(lang, null);
        assertThat(byTestId("sign-in-failed").isDisplayed()).isTrue();
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        byTestId("sign-in-submit").click();
        // the one-time password must be changed before anything else
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/account/password"));
        check(lang, "password");
        assertThat(byTestId("signed-in-as").getText()).contains("浏览器用户");
        driver.findElement(By.id("currentPassword")).sendKeys(PASSWORD);
        driver.findElement(By.id("newPassword")).sendKeys("Browser-Passw0rd-1");
        driver.findElement(By.id("confirmPassword")).sendKeys("Browser-Passw0rd-1");
        byTestId("password-submit").click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?changed"));
        check(lang, null);
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("Browser-Passw0rd-1");
        byTestId("sign-in-submit").click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=signed-in-as]")));
        check(lang, null);

        // the large-text, high-contrast mode, kept over pages
        byTestId("contrast-toggle").click();
        assertThat(byTestId("contrast-toggle").getAttribute("aria-pressed")).isEqualTo("true");
        driver.get(url("/standards"));
        check(lang, null);
        assertThat(driver.findElement(By.tagName("html")).getAttribute("class")).contains("contrast");
        byTestId("contrast-toggle").click();

        byTestId("sign-out").click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=sign-in]")));
        check(lang, null);
        driver.get(url("/account/password"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void anInstitutionUploadsTwoFilesWatchesTheRunAndReadsItsReport(String lang) throws IOException {
        long edition = sampleEdition();
        Member submitter = member(institution("110105", "TERTIARY"), "SUBMITTER");
        Path data = Files.createTempDirectory("hmbd-upload");
        Path ndjson = Files.copy(SAMPLE.resolve("examples/valid/patients.ndjson"), data.resolve("patients.ndjson"));
        Path zip = Files.write(data.resolve("valid.zip"), zip("valid"));

        browser(lang).get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(submitter.username());
        driver.findElement(By.id("password")).sendKeys(PASSWORD + "x");
        byTestId("sign-in-submit").click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=signed-in-as]")));
        driver.get(url("/conformance"));
        check(lang, "runs");
        byTestId("new-run").click();
        check(lang, "new-run");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("editionId")))
                .selectByValue(String.valueOf(edition));
        driver.findElement(By.id("files")).sendKeys(ndjson.toAbsolutePath() + "\n" + zip.toAbsolutePath());
        byTestId("run-submit").click();
        // each file uploaded with its progress bar, then the run's page, which follows it until it finishes
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlMatches("/conformance/runs/\\d+$"));
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> "SUCCEEDED".equals(d.findElement(
                By.cssSelector("[data-testid=run-status]")).getAttribute("data-status")));
        check(lang, "run-report");
        assertThat(byTestId("run-score").getText()).matches("\\d+\\.\\d");
        assertThat(driver.findElements(By.cssSelector("[data-testid=dimensions] tbody tr"))).hasSize(5);
        assertThat(driver.findElement(By.cssSelector("dl.facts")).getText()).contains("patients.ndjson", "valid.zip");
        // its certificate, verified publicly
        byTestId("run-certificate").click();
        check(lang, null);
        assertThat(byTestId("verification").getAttribute("class")).contains("valid").doesNotContain("invalid");
    }
}
