package org.hmbd.registry.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import org.hmbd.registry.auth.Role;
import org.hmbd.registry.shared.web.Page;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and form of the web UI (each {@code @Page} handler, found in the server's own mappings)
 * called as each of the 8 roles, as an account without roles and anonymously, with the caller's own
 * CSRF token: the permission it declares lets exactly its roles through (a refusal is 403 with the
 * reason {@code role}; anonymously the sign-in page), public pages let everyone through, and pages
 * for any account let every account through. The observed matrix is the one in docs/security.md
 * ({@code -Dhmbd.write-matrix=true} writes it). Targets are made-up ids: what the feature decides on
 * an object is the REST matrix's business (AuthorizationMatrixIT); this one is about the pages' gates.
 */
class PageAuthorizationIT extends RegistryIT {

    private static final Path DOC = Path.of("../docs/security.md");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** A caller and its browser session; {@code username} null for the anonymous one. */
    private record Caller(String name, Role role, String username, String session, String csrf, long signedInAt) {

        /** Sessions last {@value RegistryIT#SESSION_MAX_AGE_SECONDS} s in the tests: a fresh one well before. */
        boolean stale() {
            return username != null && System.currentTimeMillis() - signedInAt > (SESSION_MAX_AGE_SECONDS - 8) * 1000L;
        }
    }

    private Caller fresh(Caller c) {
        return c.stale() ? caller(c.name(), c.role(), c.username()) : c;
    }

    private Caller caller(String name, Role role, String username) {
        String session = username == null ? null : formSession(username, PASSWORD + "x");
        var spec = given().port(port).redirects().follow(false).accept("text/html");
        if (session != null) {
            spec = spec.cookie("JSESSIONID", session);
        }
        Response home = spec.get(session == null ? "/login" : "/");
        String anonymousSession = session == null ? home.cookie("JSESSIONID") : session;
        String csrf = Jsoup.parse(home.asString()).select("meta[name=csrf-token]").attr("content");
        if (csrf.isEmpty()) {
            csrf = Jsoup.parse(home.asString()).select("input[name=_csrf]").attr("value");
        }
        assertThat(csrf).as(name + "'s CSRF token").isNotEmpty();
        return new Caller(name, role, username, anonymousSession, csrf, System.currentTimeMillis());
    }

    @Test
    void everyPageLetsThroughExactlyTheRolesItsPermissionNames() throws Exception {
        List<Caller> callers = new ArrayList<>();
        for (Role r : Role.values()) {
            Member m = member(root(), r.name());
            callers.add(caller("`" + r.name() + "`", r, m.username()));
        }
        callers.add(caller("`(no role)`", null, member(root()).username()));
        callers.add(caller("anonymous", null, null));

        Map<String, String> rows = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod h = e.getValue();
            if (!AnnotatedElementUtils.hasAnnotation(h.getBeanType(), Page.class)) {
                continue;
            }
            Permits permits = h.getMethodAnnotation(Permits.class);
            assertThat(permits).as(h + " declares its permission").isNotNull();
            Permission needed = permits.value();
            for (String pattern : e.getKey().getPatternValues()) {
                for (var method : e.getKey().getMethodsCondition().getMethods()) {
                    String path = pattern.replaceAll("\\{[^}]+}", "999999");
                    StringBuilder row = new StringBuilder("| `" + method + " " + pattern + "` | `" + needed + "` |");
                    for (int n = 0; n < callers.size(); n++) {
                        callers.set(n, fresh(callers.get(n)));
                        Caller c = callers.get(n);
                        boolean through = call(method.name(), path, c);
                        boolean anonymous = c.name().equals("anonymous");
                        boolean expected = needed == Permission.PUBLIC
                                || needed == Permission.SIGNED_IN && !anonymous
                                || c.role() != null && needed.roles().contains(c.role());
                        if (through != expected) {
                            wrong.add(method + " " + pattern + " as " + c.name() + ": " + (through ? "let through"
                                    : "refused"));
                        }
                        row.append(through ? " ✓ |" : " — |");
                    }
                    rows.put(method + " " + pattern, row.toString());
                }
            }
        }
        assertThat(rows).as("the pages of the web UI").hasSizeGreaterThan(40);
        assertThat(wrong).isEmpty();

        StringBuilder matrix = new StringBuilder("| Page or form | Permission |");
        callers.forEach(c -> matrix.append(' ').append(c.name()).append(" |"));
        matrix.append("\n|---|---|");
        callers.forEach(c -> matrix.append("---|"));
        matrix.append('\n');
        rows.values().forEach(r -> matrix.append(r).append('\n'));
        GeneratedDoc.check(DOC, "page-matrix", matrix.toString());
    }

    /** Whether the page's gate let the caller through: not the sign-in page, not a 403 for the role. */
    private boolean call(String method, String path, Caller c) {
        var spec = given().port(port).redirects().follow(false).accept("text/html").header("Accept-Language", "en")
                .cookie("JSESSIONID", c.session());
        String csrf = c.csrf();
        if (!method.equals("GET")) {
            Document home = Jsoup.parse(given().port(port).accept("text/html").cookie("JSESSIONID", c.session())
                    .get(c.role() == null && c.name().equals("anonymous") ? "/login" : "/").asString());
            if (!c.name().equals("anonymous")) {
                assertThat(home.select("[data-testid=signed-in-as]")).as(c.name() + " still signed in before "
                        + method + " " + path).isNotEmpty();
            }
            csrf = home.select("meta[name=csrf-token]").attr("content");
        }
        Response r = method.equals("GET") ? spec.get(path)
                : spec.contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("_csrf", csrf)
                        .post(path);
        if (r.statusCode() == 302 && String.valueOf(r.header("Location")).contains("/login")) {
            return false;
        }
        if (r.statusCode() == 401) {
            return false;
        }
        if (r.statusCode() == 403) {
            Document d = Jsoup.parse(r.asString());
            String reason = d.select("[data-testid=error]").attr("data-reason");
            assertThat(reason).as(method + " " + path + " as " + c.name() + ": a 403 from the gate says role, "
                    + "not a missing CSRF token: " + r.asString().substring(0, Math.min(400, r.asString().length())))
                    .isEqualTo("role");
            return false;
        }
        assertThat(r.statusCode()).as(method + " " + path + " as " + c.name()).isLessThan(500);
        return true;
    }
}
