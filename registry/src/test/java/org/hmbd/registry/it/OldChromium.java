package org.hmbd.registry.it;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chromium 109, the last Chromium of Windows 7 (and the engine of the 360 and other domestic
 * browsers of that age), driven through the DevTools protocol itself: no driver of that version
 * is served here, and the protocol is all a check of an old browser needs (navigate, evaluate,
 * set the files of an input, collect every script error and error logged in the console).
 * The binary is the headless build of {@code @sparticuz/chromium} 109.0.6 from npm, which
 * {@code .ci/old-chromium} fetches into {@code ~/.cache/hmbd/chromium-109} (or
 * {@code -Dhmbd.old-chromium=<folder>}).
 */
final class OldChromium implements AutoCloseable {

    static final Path HOME = Path.of(System.getProperty("hmbd.old-chromium",
            System.getProperty("user.home") + "/.cache/hmbd/chromium-109"));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final String version;

    /** Starts the browser at 1024x768 in the language, with one page open. */
    OldChromium(String lang) throws Exception {
        Path binary = HOME.resolve("chromium");
        if (!Files.isExecutable(binary)) {
            fetch();
        }
        if (!Files.isExecutable(binary)) {
            throw new AssertionError("Chromium 109 is not at " + binary + ": run .ci/old-chromium (it fetches "
                    + "@sparticuz/chromium 109.0.6 from registry.npmjs.org; needs curl and brotli)");
        }
        profile = Files.createTempDirectory("hmbd-chromium-109");
        ProcessBuilder pb = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-zygote", "--single-process", "--no-first-run", "--disable-background-networking",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "--lang=" + lang,
                "--window-size=1024,768", "about:blank");
        pb.environment().put("LD_LIBRARY_PATH", HOME.resolve("lib/lib") + File.pathSeparator + HOME.resolve("lib"));
        pb.environment().put("FONTCONFIG_PATH", "/etc/fonts");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        process = pb.start();
        String browserUrl = null;
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (String line; browserUrl == null && System.nanoTime() < deadline && (line = err.readLine()) != null; ) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                browserUrl = m.group(1);
            }
        }
        if (browserUrl == null) {
            process.destroyForcibly();
            throw new AssertionError("Chromium 109 did not start");
        }
        Thread drain = new Thread(() -> {
            try {
                while (err.readLine() != null) {
                    // the browser's own log: not ours to judge
                }
            } catch (IOException ignored) {
                // closed with the process
            }
        }, "chromium-109-stderr");
        drain.setDaemon(true);
        drain.start();
        URI base = URI.create(browserUrl.replaceFirst("^ws", "http").replaceFirst("/devtools/.*$", ""));
        HttpClient http = HttpClient.newHttpClient();
        JsonNode version = JSON.readTree(http.send(HttpRequest.newBuilder(base.resolve("/json/version")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        this.version = version.path("Browser").asString();
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(base.resolve("/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String pageUrl = null;
        for (JsonNode t : targets) {
            if ("page".equals(t.path("type").asString())) {
                pageUrl = t.path("webSocketDebuggerUrl").asString();
            }
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new Listener()).get(10, TimeUnit.SECONDS);
        send("Runtime.enable", Map.of());
        send("Log.enable", Map.of());
        send("Page.enable", Map.of());
        send("Emulation.setDeviceMetricsOverride", Map.of("width", 1024, "height", 768, "deviceScaleFactor", 1,
                "mobile", false));
        send("Network.enable", Map.of());
        send("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Accept-Language", lang)));
    }

    /** Runs {@code .ci/old-chromium} once, so that {@code mvn verify} on a fresh clone needs no step of its own. */
    private static synchronized void fetch() throws Exception {
        Path script = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve(".ci/old-chromium");
        if (Files.isRegularFile(script)) {
            Process p = new ProcessBuilder("bash", script.toString(), HOME.toString()).inheritIO().start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
        }
    }

    /** The browser's product and version, e.g. {@code HeadlessChrome/109.0.5412.0}. */
    String version() {
        return version;
    }

    /** Script errors and errors logged in the console so far, each with the page it happened on. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    /** Opens the address and waits until the page has loaded. */
    void open(String url) throws Exception {
        navigating("the page " + url + " to load", Duration.ofSeconds(30),
                () -> send("Page.navigate", Map.of("url", url)));
    }

    /**
     * Runs the script (a click on a link or a submit button) and waits until the page it leads to
     * has loaded: the current page is marked first, so that neither the old document nor one
     * still loading passes for the new one.
     */
    void navigate(String what, Duration timeout, String script) throws Exception {
        navigating(what, timeout, () -> eval(script));
    }

    void navigate(String what, String script) throws Exception {
        navigate(what, Duration.ofSeconds(15), script);
    }

    private interface Step {
        void run() throws Exception;
    }

    private void navigating(String what, Duration timeout, Step step) throws Exception {
        eval("window.__hmbdLeaving = true");
        step.run();
        waitFor(what, timeout, () -> is("!window.__hmbdLeaving && !!document.documentElement"
                + " && document.readyState === 'complete' && location.href !== 'about:blank'"));
    }

    /** The value of the expression on the page (a promise is awaited). */
    Object eval(String expression) throws Exception {
        JsonNode r = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new AssertionError("the script failed in Chromium 109: " + expression + ": "
                    + r.path("exceptionDetails").path("exception").path("description").asString(
                    r.path("exceptionDetails").path("text").asString()));
        }
        JsonNode v = r.path("result").path("value");
        return v.isMissingNode() || v.isNull() ? null : v.isBoolean() ? v.asBoolean() : v.isNumber() ? v.numberValue()
                : v.isString() ? v.asString() : v.toString();
    }

    /** Waits (15 s at most) until the condition holds, evaluated again every 200 ms. */
    void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        waitFor(what, Duration.ofSeconds(15), condition);
    }

    void waitFor(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (AssertionError | RuntimeException e) {
                // a page between two loads: try again
            }
            Thread.sleep(200);
        }
        throw new AssertionError("waited in vain for " + what);
    }

    /** Whether the expression is true on the page; for {@link #waitFor}. */
    boolean is(String expression) {
        try {
            return Boolean.TRUE.equals(eval(expression));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets the files of the file input found by the CSS selector, as choosing them in a dialog does. */
    void setFiles(String selector, List<Path> files) throws Exception {
        JsonNode r = send("Runtime.evaluate", Map.of("expression", "document.querySelector('" + selector + "')"));
        String objectId = r.path("result").path("objectId").asString();
        send("DOM.enable", Map.of());
        send("DOM.setFileInputFiles", Map.of("objectId", objectId,
                "files", files.stream().map(p -> p.toAbsolutePath().toString()).toList()));
    }

    private JsonNode send(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
        JsonNode reply = answer.get(60, TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new AssertionError(method + " failed: " + reply.path("error"));
        }
        return reply.path("result");
    }

    private void event(JsonNode e) {
        String method = e.path("method").asString();
        JsonNode p = e.path("params");
        if (method.equals("Runtime.exceptionThrown")) {
            JsonNode d = p.path("exceptionDetails");
            errors.add("script error: " + d.path("exception").path("description").asString(d.path("text").asString())
                    + " at " + d.path("url").asString() + ":" + d.path("lineNumber").asInt());
        } else if (method.equals("Runtime.consoleAPICalled") && "error".equals(p.path("type").asString())) {
            errors.add("console error: " + p.path("args"));
        } else if (method.equals("Log.entryAdded") && "error".equals(p.path("entry").path("level").asString())) {
            errors.add("logged: " + p.path("entry").path("text").asString() + " " + p.path("entry").path("url").asString());
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                JsonNode message = JSON.readTree(text.toString());
                text.setLength(0);
                if (message.has("id")) {
                    CompletableFuture<JsonNode> f = pending.remove(message.path("id").asInt());
                    if (f != null) {
                        f.complete(message);
                    }
                } else {
                    event(message);
                }
            }
            ws.request(1);
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the browser goes anyway
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(profile)) {
            List<Path> all = new ArrayList<>(files.toList());
            all.sort(Comparator.reverseOrder());
            all.forEach(f -> f.toFile().delete());
        }
    }
}
