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
import org.openqa.selenium.Keys;
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

    /**
     * Runs an action that loads a new page (a link followed, a form sent) and waits until the old page
     * has been replaced: checks made at once after a click could otherwise read the page being left.
     */
    private void loads(Runnable action) {
        WebElement old = driver.findElement(By.tagName("html"));
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> gone(old));
    }

    /** The page has loaded in the language, passes the accessibility scan, and is saved when named. */
    private void check(String lang, String screenshot) throws IOException {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
        String shown = new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("html")).getAttribute("lang"));
        assertThat(shown).isEqualTo(lang);
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
        // usable at 1024x768: wide tables scroll in their own box, the page itself never sideways
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("sideways scrolling of " + driver.getCurrentUrl() + " at 1024x768")
                .isLessThanOrEqualTo(0);
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
        loads(() -> driver.findElement(By.id("standard-q")).submit());
        check(lang, null);
        WebElement first = byTestId("standards").findElement(By.cssSelector("tbody a"));
        loads(first::click);
        check(lang, "standard");
        assertThat(byTestId("editions").getText()).contains(SAMPLE_CODE);
        // the edition's contents: its code systems with their codes, and the downloads
        loads(() -> byTestId("editions").findElement(By.cssSelector("a[href$='/contents']")).click());
        check(lang, "contents");
        assertThat(byTestId("contents-CODE_SYSTEM").getText()).isNotBlank();
        String contents = driver.getCurrentUrl();
        long editionId = Long.parseLong(contents.replaceAll(".*/editions/(\\d+)/contents$", "$1"));
        assertThat(byTestId("download-package").getAttribute("href"))
                .endsWith("/api/v1/catalog/editions/" + editionId + "/package");
        // and in the catalog, narrowed to value sets with a facet
        driver.get(url("/catalog?editionId=" + editionId));
        check(lang, null);
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            if (d.findElements(By.id("type-VALUE_SET")).isEmpty()) {
                d.navigate().refresh(); // the index is fed shortly after start
                return false;
            }
            return true;
        });
        driver.findElement(By.id("type-VALUE_SET")).click();
        loads(() -> driver.findElement(By.id("type-VALUE_SET")).submit());
        check(lang, "catalog");
        assertThat(byTestId("hits").findElements(By.cssSelector("li h2"))).isNotEmpty();
        assertThat(driver.findElement(By.id("type-VALUE_SET")).isSelected()).isTrue();

        // verify the certificate by its number
        driver.get(url("/certificates/verify"));
        driver.findElement(By.id("number")).sendKeys(certificate);
        loads(() -> driver.findElement(By.id("number")).submit());
        check(lang, "verify");
        assertThat(byTestId("verification").getAttribute("class")).contains("valid").doesNotContain("invalid");
        assertThat(byTestId("verification").getText()).contains(certificate);

        // the switch shows the same page in the other language, and the choice stays
        String other = lang.equals("en") ? "zh-CN" : "en";
        loads(() -> byTestId("language-switch").click());
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
        loads(() -> byTestId("sign-in").click());
        check(lang, "sign-in");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("wrong password");
        loads(() -> byTestId("sign-in-submit").click());
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
    void theKeyboardAloneFindsAStandardWithTheFocusAlwaysVisible(String lang) throws IOException {
        sampleEdition();
        browser(lang).get(url("/"));
        check(lang, null);
        org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(driver);
        // the first Tab reaches the skip link, which leads to the content
        keys.sendKeys(Keys.TAB).perform();
        WebElement skip = driver.switchTo().activeElement();
        assertThat(skip.getAttribute("href")).endsWith("#main");
        assertThat(skip.isDisplayed()).as("the skip link shows when focused").isTrue();
        // Tab on to the search field, each focused control with a visible outline
        WebElement focused = skip;
        for (int i = 0; i < 40 && !"standard-q".equals(focused.getAttribute("id")); i++) {
            keys.sendKeys(Keys.TAB).perform();
            focused = driver.switchTo().activeElement();
            String outline = focused.getCssValue("outline-style") + " " + focused.getCssValue("box-shadow");
            assertThat(outline).as("the focus of " + focused.getTagName() + " " + focused.getAttribute("outerHTML")
                    .substring(0, Math.min(120, focused.getAttribute("outerHTML").length()))).isNotEqualTo("none none");
        }
        assertThat(focused.getAttribute("id")).isEqualTo("standard-q");
        keys.sendKeys(SAMPLE_CODE.substring(0, 9)).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/standards"));
        check(lang, null);
        assertThat(byTestId("standards").findElements(By.cssSelector("tbody a"))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void theKeyboardAloneSignsInProposesAndWithdrawsThroughTheReasonDialog(String lang) throws IOException {
        Member citizen = member(root());
        String title = "键盘提案 " + unique();
        browser(lang).get(url("/login"));
        check(lang, null);
        tabTo("username");
        type(citizen.username());
        tabTo("password");
        type(PASSWORD + "x", Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=signed-in-as]")));

        driver.get(url("/proposals/new"));
        check(lang, null);
        tabTo("titleZh");
        type(title);
        tabTo("intendedLevel");
        type(Keys.ARROW_DOWN); // GB, the first level, becomes WS
        tabTo("scope");
        type("门诊病历");
        tabTo("rationale");
        type("各院字段不一致");
        tabTo("proposingOrganization");
        type("某县人民医院");
        tabTo("proposal-submit");
        type(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/proposals"));
        if (!driver.findElements(By.cssSelector("[data-testid=proposal-failed]")).isEmpty()) {
            throw new AssertionError("the proposal was refused: " + byTestId("proposal-failed").getText());
        }
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches("/proposals/\\d+$"));
        check(lang, null);
        assertThat(byTestId("proposal-status").getAttribute("data-status")).isEqualTo("SUBMITTED");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains(title);
        assertThat(byTestId("proposal-category").getText()).as("the category by its name and code").matches(".+ \\([A-Z_]+\\)");

        // the withdrawal asks for its reason in a dialog: Enter opens it with the focus inside,
        // Escape closes it and gives the focus back, and the second time the reason is sent
        WebElement opener = tabTo("open-withdraw");
        type(Keys.ENTER);
        WebElement dialog = byTestId("dialog-withdraw");
        assertThat(dialog.getAttribute("open")).isNotNull();
        assertThat(focused().getAttribute("id")).isEqualTo("withdrawReason");
        check(lang, "reason-dialog");
        type(Keys.ESCAPE);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> dialog.getAttribute("open") == null);
        assertThat(driver.switchTo().activeElement()).isEqualTo(opener);
        type(Keys.ENTER);
        type("重复提案");
        type(Keys.TAB);
        assertThat(focused().getAttribute("data-testid")).isEqualTo("withdraw-submit");
        // inside the modal dialog Tab stays there: on to the cancel button, and round to the submit
        // button without ever reaching the page behind
        type(Keys.TAB);
        assertThat(focused().getAttribute("data-testid")).isEqualTo("cancel-withdraw");
        for (int i = 0; i < 6 && !"withdraw-submit".equals(driver.switchTo().activeElement().getAttribute("data-testid")); i++) {
            type(Keys.TAB);
            assertThat(js("return arguments[0].contains(document.activeElement) || document.activeElement === document.body",
                    dialog)).as("the focus never reaches the page behind the dialog").isEqualTo(true);
        }
        assertThat(focused().getAttribute("data-testid")).isEqualTo("withdraw-submit");
        type(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> "WITHDRAWN".equals(byTestId("proposal-status").getAttribute("data-status")));
        check(lang, null);
        assertThat(byTestId("proposal-history").getText()).contains("重复提案");
    }

    /** Signs out whoever is signed in, then in as this account. */
    private void signIn(String username, String password) {
        if (!driver.findElements(By.cssSelector("[data-testid=sign-out]")).isEmpty()) {
            byTestId("sign-out").click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-testid=sign-in]")));
        }
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        byTestId("sign-in-submit").click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=signed-in-as]")));
    }

    /** A date field's value, set as a date picker would (typing into one depends on the browser's locale). */
    private void date(String id, java.time.LocalDate value) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]",
                driver.findElement(By.id(id)), value.toString());
    }

    /**
     * Opens the move's dialog on an edition's page (the focus goes into it), fills it by {@code fill}
     * and submits it.
     */
    private void move(String to, Runnable fill) {
        WebElement opener = byTestId("open-move-" + to);
        opener.click();
        WebElement dialog = byTestId("dialog-move-" + to);
        assertThat(dialog.getAttribute("open")).as("the dialog of the move to " + to + " is open").isNotNull();
        assertThat(js("return arguments[0].contains(document.activeElement)", dialog))
                .as("the focus is inside the dialog of the move to " + to).isEqualTo(true);
        fill.run();
        WebElement submit = byTestId("move-submit-" + to);
        submit.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> gone(submit));
        if (!driver.findElements(By.cssSelector("[data-testid=edition-failed]")).isEmpty()) {
            throw new AssertionError("the move to " + to + " was refused: " + byTestId("edition-failed").getText());
        }
    }

    /**
     * Whether the page that held the element has been replaced. Chromium reports an element of a page
     * that is being replaced as stale, or (while the new document arrives) as "does not belong to the
     * document", which Selenium passes on as an unknown error: both mean the same here.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private Object js(String script, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The focused element, with a visible focus indicator asserted. */
    private WebElement focused() {
        WebElement focused = driver.switchTo().activeElement();
        String html = focused.getAttribute("outerHTML");
        assertThat(focused.getCssValue("outline-style") + " " + focused.getCssValue("box-shadow"))
                .as("the focus of " + html.substring(0, Math.min(120, html.length()))).isNotEqualTo("none none");
        return focused;
    }

    /** Presses Tab (at most 60 times) until the focus is on the element with this id or test id. */
    private WebElement tabTo(String idOrTestId) {
        org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(driver);
        for (int i = 0; i < 60; i++) {
            keys.sendKeys(Keys.TAB).perform();
            WebElement focused = focused();
            if (idOrTestId.equals(focused.getAttribute("id")) || idOrTestId.equals(focused.getAttribute("data-testid"))) {
                return focused;
            }
        }
        throw new AssertionError("Tab never reached " + idOrTestId + " on " + driver.getCurrentUrl());
    }

    /** Types into whatever has the focus, as a keyboard does. */
    private void type(CharSequence... text) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(text).perform();
    }

    private String editionStatus() {
        return byTestId("edition-status").getAttribute("data-status");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void aCitizensProposalIsAcceptedDraftedCommentedReviewedAndPublished(String lang) throws IOException {
        Member citizen = member(root());
        Member commenter = member(root());
        Member expert = member(root(), "EXPERT");
        String title = "浏览器提案 " + unique();
        Path draft = Files.createTempDirectory("hmbd-draft");
        Path scope = Files.writeString(draft.resolve("scope.md"), "# 范围\n门诊病历数据集\n");

        // a citizen proposes
        browser(lang);
        signIn(citizen.username(), PASSWORD + "x");
        driver.get(url("/proposals/new"));
        check(lang, "proposal-new");
        driver.findElement(By.id("titleZh")).sendKeys(title);
        driver.findElement(By.id("scope")).sendKeys("门诊病历");
        driver.findElement(By.id("rationale")).sendKeys("各院字段不一致");
        driver.findElement(By.id("proposingOrganization")).sendKeys("某市人民医院");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("intendedLevel"))).selectByValue("WS");
        byTestId("proposal-submit").click();
        if (!driver.findElements(By.cssSelector("[data-testid=proposal-failed]")).isEmpty()) {
            throw new AssertionError("the proposal was refused: " + byTestId("proposal-failed").getText());
        }
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches("/proposals/\\d+$"));
        String proposal = driver.getCurrentUrl();
        check(lang, null);
        assertThat(byTestId("proposal-status").getAttribute("data-status")).isEqualTo("SUBMITTED");

        // the administration accepts it into the plan, with the citizen as the lead
        signIn(standardsUsername(), PASSWORD + "x");
        driver.get(proposal);
        check(lang, "proposal-decision");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("leadOrganizationId")))
                .selectByValue(String.valueOf(root()));
        driver.findElement(By.id("leadUsername")).sendKeys(citizen.username());
        driver.findElement(By.id("workingGroupName")).sendKeys("浏览器工作组");
        date("dueDate", java.time.LocalDate.now().plusMonths(9));
        byTestId("accept-submit").click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> "ACCEPTED".equals(
                d.findElement(By.cssSelector("[data-testid=proposal-status]")).getAttribute("data-status")));
        check(lang, null);

        // the lead finds the draft in "my work", uploads a document with its progress bar and opens the comment
        signIn(citizen.username(), PASSWORD + "x");
        driver.get(url("/my-work"));
        check(lang, "my-work");
        byTestId("work-drafts").findElements(By.tagName("a")).stream().filter(a -> a.getText().equals(title))
                .findFirst().orElseThrow().click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches("/editions/\\d+$"));
        String edition = driver.getCurrentUrl();
        assertThat(editionStatus()).isEqualTo("DRAFTING");
        driver.findElement(By.id("artifact-file")).sendKeys(scope.toAbsolutePath().toString());
        byTestId("artifact-submit").click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(
                By.cssSelector("[data-testid=artifacts] tr[data-artifact='scope.md']")).isEmpty());
        check(lang, "edition-workspace");
        move("PUBLIC_COMMENT", () -> date("deadline-PUBLIC_COMMENT", java.time.LocalDate.now().plusDays(30)));
        assertThat(editionStatus()).isEqualTo("PUBLIC_COMMENT");

        // anyone signed in comments
        signIn(commenter.username(), PASSWORD + "x");
        driver.get(edition);
        driver.findElement(By.id("section")).sendKeys("4.2");
        driver.findElement(By.id("text")).sendKeys("建议增加民族字段");
        byTestId("comment-submit").click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(
                By.cssSelector("[data-testid=comments] li")).isEmpty());
        check(lang, "comments");

        // the lead sends it to review and disposes of the comment with a reason
        signIn(citizen.username(), PASSWORD + "x");
        driver.get(edition);
        move("EXPERT_REVIEW", () -> { });
        assertThat(editionStatus()).isEqualTo("EXPERT_REVIEW");
        WebElement dispose = driver.findElement(By.cssSelector("form[data-testid^=dispose-]"));
        new org.openqa.selenium.support.ui.Select(dispose.findElement(By.tagName("select"))).selectByValue("PARTLY_ACCEPTED");
        dispose.findElement(By.cssSelector("input[name=reason]")).sendKeys("部分采纳");
        dispose.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> !d.findElements(By.cssSelector("[data-testid=disposition]")).isEmpty());
        check(lang, null);

        // the expert approves
        signIn(expert.username(), PASSWORD + "x");
        driver.get(edition);
        check(lang, "review");
        move("APPROVED", () -> { });
        assertThat(editionStatus()).isEqualTo("APPROVED");

        // the administration publishes it with its code and date
        signIn(standardsUsername(), PASSWORD + "x");
        driver.get(edition);
        String code = "WS/T " + (10000 + (int) (Math.random() * 89999)) + "-" + java.time.LocalDate.now().getYear();
        move("PUBLISHED", () -> {
            driver.findElement(By.id("code-PUBLISHED")).sendKeys(code);
            date("effective-PUBLISHED", java.time.LocalDate.now().plusMonths(3));
        });
        assertThat(editionStatus()).isEqualTo("PUBLISHED");
        check(lang, null);

        // and the public reads it, with its history
        byTestId("sign-out").click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=sign-in]")));
        driver.get(edition);
        check(lang, "edition-published");
        assertThat(editionStatus()).isEqualTo("PUBLISHED");
        assertThat(driver.findElements(By.cssSelector("[data-testid=edition-history] li")).size()).isGreaterThanOrEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void aSupervisorSeesItsRegionInChartsAndAnExpertsEvaluationOpensARevision(String lang) throws IOException {
        long edition = sampleEdition();
        long province = organization("PROVINCE", "510000", root());
        long hospital = institution("510104", "TERTIARY", province);
        long other = institution("440104", "SECONDARY", organization("PROVINCE", "440000", root()));
        for (long h : List.of(hospital, other)) {
            Member s = member(h, "SUBMITTER");
            awaitFinished(s.api(), submit(s.api(), edition, "valid.zip", zip("valid"), "application/zip").then()
                    .statusCode(202).extract().jsonPath().getLong("id"));
        }
        Member supervisor = member(province, "SUPERVISOR");
        browser(lang);
        signIn(supervisor.username(), PASSWORD + "x");
        driver.get(url("/conformance/editions/" + edition + "/adoption?groupBy=county"));
        // the chart is drawn (an SVG by ECharts) from the numbers of the table beside it: this region only
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.findElements(
                By.cssSelector("[data-testid=chart-regions] svg")).isEmpty());
        check(lang, "adoption");
        assertThat(byTestId("adoption-regions").getText()).contains("510104").doesNotContain("440104");
        assertThat(byTestId("chart-regions").getText()).doesNotContain("440104");

        Member expert = member(root(), "EXPERT");
        signIn(expert.username(), PASSWORD + "x");
        driver.get(url("/conformance/editions/" + edition + "/evaluations"));
        check(lang, "evaluation");
        byTestId("conclusion-REVISE").click();
        String reasons = "采用率低 " + unique();
        driver.findElement(By.id("reasons")).sendKeys(reasons);
        loads(() -> driver.findElement(By.cssSelector("form[data-testid=evaluation-form] button[type=submit]")).click());
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(
                By.cssSelector("a[data-testid=evaluation-proposal]")).isEmpty());
        WebElement row = driver.findElements(By.cssSelector("[data-testid=evaluations] tbody tr")).stream()
                .filter(r -> r.getText().contains(reasons)).findFirst().orElseThrow();
        loads(() -> row.findElement(By.cssSelector("a[data-testid=evaluation-proposal]")).click());
        check(lang, null);
        assertThat(byTestId("proposal-status").getAttribute("data-status")).isEqualTo("SUBMITTED");
        assertThat(driver.findElement(By.id("main")).getText()).contains(reasons);
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
        loads(() -> byTestId("new-run").click());
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
        // the PDF report and the printable certificate, fetched by the browser with its session
        for (String pdf : List.of("report-pdf", "certificate-pdf")) {
            Object type = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
                    "var done = arguments[arguments.length - 1]; fetch(arguments[0], {credentials: 'same-origin'})"
                            + ".then(function (r) { done(r.status + ' ' + r.headers.get('content-type')); })",
                    byTestId(pdf).getAttribute("href"));
            assertThat(type).as(pdf).isEqualTo("200 application/pdf");
        }
        // its certificate, verified publicly
        loads(() -> byTestId("run-certificate").click());
        check(lang, null);
        assertThat(byTestId("verification").getAttribute("class")).contains("valid").doesNotContain("invalid");
        // one resource validated at once, pasted into the form
        driver.get(url("/conformance"));
        loads(() -> byTestId("validate-link").click());
        check(lang, null);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("editionId")))
                .selectByValue(String.valueOf(edition));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]",
                driver.findElement(By.id("resource")), Files.readString(
                        SAMPLE.resolve("examples/invalid/patient-wrong-check-character.json")));
        byTestId("validate-submit").click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=validate-issues]")));
        check(lang, "validate");
        assertThat(driver.findElements(By.cssSelector("[data-testid=validate-issues] tr[data-severity=ERROR] td:first-child"))
                .stream().map(WebElement::getText).toList()).contains("HMBD-ID-RESIDENT");
    }
}
