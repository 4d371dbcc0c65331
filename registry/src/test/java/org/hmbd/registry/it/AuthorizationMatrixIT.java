package org.hmbd.registry.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import org.hmbd.registry.auth.Role;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix, generated (issue 13). Every operation of {@code /v3/api-docs} declares
 * its permission (roles and reach) and is called by an account of every role, one without roles,
 * and anonymously; each is allowed or refused exactly as its permission says. Every operation whose
 * target lies in an organization is then aimed at a target at three distances from the caller's
 * organization: its own, one inside its subtree, one outside it; the answer must show the target
 * reached exactly where the permission's reach (or, for operations every account may call, the
 * feature's rule stated below) says. The FHIR operations of the CapabilityStatement likewise. The
 * matrix observed is the one in docs/security.md: run with {@code -Dhmbd.write-matrix=true} to
 * write it there after a permission changed.
 */
class AuthorizationMatrixIT extends ConformanceSupport {

    private static final Path DOC = Path.of("../docs/security.md");
    private static final String NONE = "(no role)";
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    /** Operations with a lasting effect when allowed: only their refusals are exercised. */
    private static final List<String> SIDE_EFFECTS = List.of("POST /api/v1/catalog/index/rebuild");
    /** Roles held only at the root of the tree: their subtree is every organization, nothing lies outside. */
    private static final Set<String> NATIONAL = Set.of("SYSTEM_ADMIN", "SECURITY_ADMIN", "STANDARDS_ADMIN");

    private enum Distance { OWN, INSIDE, OUTSIDE }

    /**
     * Operations whose target is not in an organization, so that distance does not apply: what is
     * public, one's own account and tokens, the standards' lifecycle (decided by authorship and
     * working groups), the catalog, the national feeds and the chain as a whole, and runs created
     * (always in the caller's own organization).
     */
    private static final List<String> NOT_IN_AN_ORGANIZATION = List.of("/api/v1/auth/", "/api/v1/me",
            "/api/v1/proposals", "/api/v1/work-plan", "/api/v1/standards", "/api/v1/editions", "/api/v1/categories",
            "/api/v1/working-groups", "/api/v1/catalog", "/api/v1/packages", "/api/v1/registrations",
            "GET /api/v1/security-events", "GET /api/v1/audit-events/verification",
            "/api/v1/conformance/editions/{id}/evaluations", "POST /api/v1/conformance/runs",
            "GET /api/v1/conformance/suites", "GET /api/v1/certificates/{number}");

    /** Who reaches a target at a distance, for the operations every account may call (reach "object"). */
    private static final Map<String, BiPredicate<String, Distance>> OBJECT_RULES = new HashMap<>();

    static {
        // the organization tree is known to every account
        BiPredicate<String, Distance> anyAccount = (role, d) -> true;
        // another account: the administrators over its organization
        BiPredicate<String, Distance> accountAdministrators = (role, d) -> d != Distance.OUTSIDE
                && Set.of("SYSTEM_ADMIN", "SECURITY_ADMIN", "ORG_ADMIN").contains(role);
        // conformance data: the members of its organization; a supervisor over its subtree
        BiPredicate<String, Distance> conformance = (role, d) -> d == Distance.OWN
                || role.equals("SUPERVISOR") && d == Distance.INSIDE;
        // adoption aggregates: besides, the standards administration and its experts nationally
        BiPredicate<String, Distance> aggregates = conformance.or((role, d) -> Set.of("STANDARDS_ADMIN", "EXPERT")
                .contains(role));
        OBJECT_RULES.put("GET /api/v1/organizations", anyAccount);
        OBJECT_RULES.put("GET /api/v1/organizations/{id}", anyAccount);
        for (String p : List.of("", "/history", "/role-history")) {
            OBJECT_RULES.put("GET /api/v1/users/{id}" + p, accountAdministrators);
        }
        for (String p : List.of("", "/{id}", "/{id}/history", "/{id}/checks", "/{id}/findings", "/{id}/comparison",
                "/{id}/report")) {
            OBJECT_RULES.put("GET /api/v1/conformance/runs" + p, conformance);
        }
        OBJECT_RULES.put("GET /api/v1/certificates", conformance);
        OBJECT_RULES.put("GET /api/v1/conformance/organizations/{id}/status", conformance);
        OBJECT_RULES.put("GET /api/v1/conformance/editions/{id}/adoption", aggregates);
    }

    /** One organization of the fixture tree and what it holds: an account (a submitter) and its finished run. */
    private record Holder(long org, String nameZh, String region, boolean institution, long childParent,
                          Map<String, Object> child, Member account, long run) {
    }

    /** How an operation is aimed at a holder, and whether its answer shows the holder reached (null: not refused). */
    private record Aim(BiFunction<Api, Holder, Response> call, BiPredicate<Response, Holder> reached) {
    }

    private record Caller(String name, String username, Api api, boolean national) {
    }

    private long edition;
    private Instant windowFrom;
    private Instant windowTo;

    @Test
    void everyOperationIsAllowedOrRefusedForEachRoleAtEachDistanceExactlyAsItsPermissionSays() throws IOException {
        JsonPath docs = anonymous.get("/v3/api-docs").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = docs.getMap("paths");

        // the tree: root > province P > county K > institution I; root > province Q > county M > institution J
        edition = sampleEdition();
        long province = organization("PROVINCE", "460000", root());
        long county = organization("COUNTY", "469001", province);
        long hospital = organization("INSTITUTION", "469001", county);
        long other = organization("PROVINCE", "650000", root());
        long otherCounty = organization("COUNTY", "659001", other);
        long otherHospital = organization("INSTITUTION", "659001", otherCounty);
        Map<String, Object> underRoot = Map.of("level", "PROVINCE", "regionCode", "540000");
        Map<String, Object> underProvince = Map.of("level", "PREFECTURE", "regionCode", "460200");
        Holder[] holders = new Holder[4];
        Member[] accounts = {member(root(), "SUBMITTER"), member(province, "SUBMITTER"),
                member(hospital, "SUBMITTER"), member(otherHospital, "SUBMITTER")};
        windowFrom = Instant.now();
        long[] runs = new long[4];
        for (int n = 0; n < 4; n++) {
            runs[n] = submit(accounts[n].api(), edition, "valid.zip", zip("valid"), "application/zip").then()
                    .statusCode(202).extract().jsonPath().getLong("id");
        }
        windowTo = Instant.now().plusMillis(1);
        for (int n = 0; n < 4; n++) {
            assertThat(awaitFinished(accounts[n].api(), runs[n]).getString("certificateNumber")).isNotNull();
        }
        holders[0] = holder(root(), root(), underRoot, accounts[0], runs[0]);
        holders[1] = holder(province, province, underProvince, accounts[1], runs[1]);
        holders[2] = holder(hospital, county, institutionIn("469001"), accounts[2], runs[2]);
        holders[3] = holder(otherHospital, otherCounty, institutionIn("659001"), accounts[3], runs[3]);

        // one caller per role: the national roles at the root, the others at province P
        List<Caller> callers = new ArrayList<>();
        for (Role role : Role.values()) {
            boolean national = NATIONAL.contains(role.name());
            Member m = member(national ? root() : province, role.name());
            callers.add(new Caller(role.name(), m.username(), m.api(), national));
        }
        Member plain = member(province);
        callers.add(new Caller(NONE, plain.username(), plain.api(), false));
        Map<String, Aim> aims = aims();

        Map<String, String> rows = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        paths.forEach((template, operations) -> operations.forEach((method, op) -> {
            if (!METHODS.contains(method) || !template.startsWith("/api/")) {
                return;
            }
            String operation = method.toUpperCase(Locale.ROOT) + " " + template;
            String permission = (String) op.get("x-permission");
            assertThat(permission).as("the permission of %s", operation).isNotNull();
            @SuppressWarnings("unchecked")
            List<String> roles = (List<String>) op.get("x-roles");
            String reach = ((String) op.get("x-reach")).toLowerCase(Locale.ROOT);
            Aim aim = aims.get(operation);
            boolean located = !"PUBLIC".equals(permission)
                    && NOT_IN_AN_ORGANIZATION.stream().noneMatch(p -> p.contains(" ") ? operation.equals(p)
                    : template.startsWith(p));
            if (located && aim == null) {
                wrong.add(operation + ": its target lies in an organization, but the test aims it at none");
            }
            if (!located && aim != null) {
                wrong.add(operation + ": aimed at organizations but listed as not in one");
            }
            if (aim != null && reach.equals("object") && !OBJECT_RULES.containsKey(operation)) {
                wrong.add(operation + ": every account may call it, but the test states no rule for its reach");
            }
            String path = template.replaceAll("\\{[^}]+}", "999999999");
            StringBuilder row = new StringBuilder("| `" + operation + "` | `" + permission + "` | " + reach + " |");
            for (Caller c : callers) {
                boolean allowed = roles.isEmpty() || roles.contains(c.name());
                if (allowed && SIDE_EFFECTS.contains(operation)) {
                    row.append(" ✓ |");
                    continue;
                }
                Api api = operation.equals("POST /api/v1/auth/logout")
                        ? new Api(port, Api.signIn(port, c.username(), PASSWORD + "x")) : c.api();
                Response r = call(api.request(), method, path);
                boolean refusedForRole = r.statusCode() == 403 && "role".equals(r.jsonPath().getString("reason"));
                if (allowed == refusedForRole || notSignedIn(r) || r.statusCode() >= 500) {
                    wrong.add(operation + " as " + c.name() + ": " + r.statusCode() + " " + r.asString());
                }
                if (aim == null) {
                    row.append(allowed ? (roles.isEmpty() ? " ○ |" : " ✓ |") : " — |");
                    continue;
                }
                StringBuilder cell = new StringBuilder();
                for (Distance d : Distance.values()) {
                    Holder h = target(holders, c, d);
                    if (h == null || operation.equals("GET /api/v1/regulator/institutions") && !h.institution()) {
                        cell.append(d == Distance.OWN ? "·" : " ·");
                        continue;
                    }
                    boolean expected = allowed && switch (reach) {
                        case "all", "anyone" -> true;
                        case "subtree" -> d != Distance.OUTSIDE;
                        case "own" -> d == Distance.OWN;
                        default -> OBJECT_RULES.getOrDefault(operation, (x, y) -> false).test(c.name(), d);
                    };
                    Boolean reached = reached(aim, c.api(), h, operation, c.name(), d, wrong);
                    if (reached != null && reached != expected) {
                        wrong.add(operation + " as " + c.name() + " at distance " + d + ": "
                                + (reached ? "reached" : "refused") + ", expected " + (expected ? "reached" : "refused"));
                    }
                    cell.append(d == Distance.OWN ? "" : " ").append(Boolean.TRUE.equals(reached) ? "✓" : "—");
                }
                row.append(' ').append(cell).append(" |");
            }
            Response a = call(given().port(port), method, path);
            boolean publicOp = "PUBLIC".equals(permission);
            if (publicOp ? notSignedIn(a) || a.statusCode() == 403 || a.statusCode() >= 500 : !notSignedIn(a)) {
                wrong.add(operation + " anonymously: " + a.statusCode());
            }
            row.append(publicOp ? " ✓ |" : " — |");
            rows.put(operation, row.toString());
        }));
        assertThat(rows).hasSizeGreaterThan(80);
        assertThat(aims.keySet()).as("every aimed operation is one of the API").allMatch(rows::containsKey);
        rows.putAll(fhir(plain.api(), wrong));
        assertThat(wrong).as("operations not allowed or refused as declared").isEmpty();

        StringBuilder matrix = new StringBuilder("| Operation | Permission | Reach |");
        callers.forEach(c -> matrix.append(" `").append(c.name()).append("` |"));
        matrix.append(" anonymous |\n|---|---|---|");
        callers.forEach(c -> matrix.append("---|"));
        matrix.append("---|\n");
        rows.values().forEach(r -> matrix.append(r).append('\n'));
        GeneratedDoc.check(DOC, "authorization-matrix", matrix.toString());
    }

    /** The organization at a distance from the caller's: P's own, I inside, J outside; for national callers the root, I, nothing. */
    private static Holder target(Holder[] holders, Caller c, Distance d) {
        return switch (d) {
            case OWN -> c.national() ? holders[0] : holders[1];
            case INSIDE -> holders[2];
            case OUTSIDE -> c.national() ? null : holders[3];
        };
    }

    /** Whether the call reached the holder: refused (403, 404, or a list without it) or reached; a wrong answer is noted. */
    private static Boolean reached(Aim aim, Api api, Holder h, String operation, String role, Distance d,
                                   List<String> wrong) {
        Response r = aim.call().apply(api, h);
        int s = r.statusCode();
        if (s == 404 && "previous-run".equals(r.jsonPath().getString("resource"))) {
            return true; // the run was reached: it is its first
        }
        if (s == 403 || s == 404) {
            return false;
        }
        if (s >= 300 && s != 409) {
            wrong.add(operation + " as " + role + " at distance " + d + ": " + s + " " + r.asString());
            return null;
        }
        return aim.reached() == null || s == 409 || aim.reached().test(r, h);
    }

    private Holder holder(long org, long childParent, Map<String, Object> child, Member account, long run) {
        JsonPath o = admin.get("/api/v1/organizations/{id}", org).then().statusCode(200).extract().jsonPath();
        return new Holder(org, o.getString("nameZh"), o.getString("regionCode"), "INSTITUTION".equals(
                o.getString("level")), childParent, child, account, run);
    }

    private static Map<String, Object> institutionIn(String region) {
        return Map.of("level", "INSTITUTION", "regionCode", region);
    }

    /** How each operation whose target lies in an organization is aimed at one. */
    private Map<String, Aim> aims() {
        Map<String, Aim> aims = new LinkedHashMap<>();
        BiPredicate<Response, Holder> listsAccount = (r, h) -> r.jsonPath().getList("items.id", Long.class)
                .contains(h.account().id());
        BiPredicate<Response, Holder> listsRun = (r, h) -> r.jsonPath().getList("items.id", Long.class)
                .contains(h.run());
        BiPredicate<Response, Holder> listsCertificate = (r, h) -> r.jsonPath().getList("items.runId", Long.class)
                .contains(h.run());
        BiPredicate<Response, Holder> countsRegion = (r, h) -> r.jsonPath().getList("byRegion.key", String.class)
                .contains(h.region());
        BiPredicate<Response, Holder> listsEvents = (r, h) -> !r.jsonPath().getList("items").isEmpty();

        // the tree and its accounts
        aims.put("POST /api/v1/organizations", new Aim((api, h) -> api.post("/api/v1/organizations", with(h.child(),
                "nameZh", "矩阵 " + unique(), "kind", h.child().get("level").equals("INSTITUTION")
                        ? "HEALTHCARE_INSTITUTION" : "HEALTH_ADMINISTRATION", "parentId", h.childParent())), null));
        aims.put("GET /api/v1/organizations", new Aim((api, h) -> api.get("/api/v1/organizations?q={q}&size=200",
                h.nameZh()), (r, h) -> r.jsonPath().getList("items.id", Long.class).contains(h.org())));
        aims.put("GET /api/v1/organizations/{id}", new Aim((api, h) -> api.get("/api/v1/organizations/{id}", h.org()),
                null));
        aims.put("POST /api/v1/users", new Aim((api, h) -> api.post("/api/v1/users", Identities.account(Map.of(
                "username", "m" + unique(), "displayName", "矩阵", "organizationId", h.org(),
                "initialPassword", PASSWORD))), null));
        aims.put("GET /api/v1/users", new Aim((api, h) -> api.get("/api/v1/users?organizationId={o}&size=200",
                h.org()), listsAccount));
        for (String p : List.of("", "/history", "/role-history", "/tokens")) {
            aims.put("GET /api/v1/users/{id}" + p, new Aim((api, h) -> api.get("/api/v1/users/{id}" + p,
                    h.account().id()), null));
        }
        // moves the account to the state it is in: refused as a move (409) once it is reached
        aims.put("POST /api/v1/users/{id}/transitions", new Aim((api, h) -> api.post("/api/v1/users/{id}/transitions",
                Map.of("to", "ACTIVE", "reason", "matrix"), h.account().id()), null));
        // sets the roles it holds: no change once it is reached
        aims.put("PUT /api/v1/users/{id}/roles", new Aim((api, h) -> api.put("/api/v1/users/{id}/roles",
                Map.of("roles", List.of("SUBMITTER"), "reason", "matrix"), h.account().id()), null));
        aims.put("DELETE /api/v1/users/{id}/tokens/{tokenId}", new Aim((api, h) -> {
            long token = h.account().api().post("/api/v1/me/tokens", Map.of("name", "m" + unique(), "scopes",
                    List.of("READ"))).then().statusCode(201).extract().jsonPath().getLong("token.id");
            Response r = api.delete("/api/v1/users/{id}/tokens/{t}", h.account().id(), token);
            h.account().api().delete("/api/v1/me/tokens/{t}", token); // when refused, its owner revokes it
            return r;
        }, null));

        // conformance
        for (String p : List.of("", "/history", "/checks", "/findings", "/comparison", "/report")) {
            aims.put("GET /api/v1/conformance/runs/{id}" + p, new Aim((api, h) -> api.get(
                    "/api/v1/conformance/runs/{id}" + p, h.run()), null));
        }
        aims.put("GET /api/v1/conformance/runs", new Aim((api, h) -> api.get(
                "/api/v1/conformance/runs?organizationId={o}&size=200", h.org()), listsRun));
        // changes of a finished run: refused as moves (409) once reached; a re-run is made
        aims.put("PUT /api/v1/conformance/runs/{id}/files/{name}", new Aim((api, h) -> api.request()
                .contentType("application/fhir+json").body("{}").put("/api/v1/conformance/runs/{id}/files/extra.json",
                        h.run()), null));
        for (String p : List.of("submission", "cancellation", "reruns")) {
            aims.put("POST /api/v1/conformance/runs/{id}/" + p, new Aim((api, h) -> api.post(
                    "/api/v1/conformance/runs/{id}/" + p, Map.of(), h.run()), null));
        }
        aims.put("GET /api/v1/certificates", new Aim((api, h) -> api.get(
                "/api/v1/certificates?organizationId={o}&size=200", h.org()), listsCertificate));
        aims.put("GET /api/v1/conformance/organizations/{id}/status", new Aim((api, h) -> api.get(
                "/api/v1/conformance/organizations/{id}/status", h.org()), null));
        aims.put("GET /api/v1/conformance/editions/{id}/adoption", new Aim((api, h) -> api.get(
                "/api/v1/conformance/editions/{id}/adoption?groupBy=county", edition), countsRegion));

        // the regulator port
        aims.put("GET /api/v1/regulator/institutions", new Aim((api, h) -> api.get(
                "/api/v1/regulator/institutions?size=200"), (r, h) -> r.jsonPath().getList("items.id", Long.class)
                .contains(h.org())));
        aims.put("GET /api/v1/regulator/runs", new Aim((api, h) -> api.get(
                "/api/v1/regulator/runs?organizationId={o}&size=200", h.org()), listsRun));
        aims.put("GET /api/v1/regulator/certificates", new Aim((api, h) -> api.get(
                "/api/v1/regulator/certificates?organizationId={o}&size=200", h.org()), listsCertificate));
        aims.put("GET /api/v1/regulator/editions/{id}/adoption", new Aim((api, h) -> api.get(
                "/api/v1/regulator/editions/{id}/adoption?groupBy=county", edition), countsRegion));
        aims.put("GET /api/v1/regulator/audit-events", new Aim((api, h) -> api.get(
                "/api/v1/regulator/audit-events?from={f}&to={t}&size=200", windowFrom.toString(),
                windowTo.toString()),
                (r, h) -> r.jsonPath().getList("items.organizationId", Long.class).contains(h.org())));

        // the audit trail: what the holder's account did
        aims.put("GET /api/v1/audit-events", new Aim((api, h) -> api.get("/api/v1/audit-events?actorName={a}",
                h.account().username()), listsEvents));
        aims.put("GET /api/v1/audit-events/export", new Aim((api, h) -> api.get(
                "/api/v1/audit-events/export?format=ndjson&actorName={a}", h.account().username()),
                (r, h) -> !r.asString().isBlank()));
        return aims;
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... more) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    /** The FHIR operations of the CapabilityStatement: terminology for anyone, $validate for accounts. */
    private Map<String, String> fhir(Api signedIn, List<String> wrong) {
        JsonPath cs = anonymous.get("/fhir/metadata").then().statusCode(200).extract().jsonPath();
        Map<String, String> rows = new LinkedHashMap<>();
        List<String> operations = new ArrayList<>(cs.getList("rest[0].operation.name", String.class));
        List<Map<String, Object>> resources = cs.getList("rest[0].resource");
        for (Map<String, Object> resource : resources) {
            Object ops = resource.get("operation");
            if (ops instanceof List<?> list) {
                for (Object o : list) {
                    operations.add(resource.get("type") + "/" + ((Map<?, ?>) o).get("name"));
                }
            }
        }
        for (String name : operations.stream().distinct().sorted().toList()) {
            boolean validate = name.endsWith("validate") && !name.endsWith("validate-code");
            String path = "/fhir/" + (name.contains("/") ? name.substring(0, name.indexOf('/') + 1) : "")
                    + "$" + name.substring(name.indexOf('/') + 1);
            String operation = (validate ? "POST " : "GET ") + path;
            Response a = validate ? given().port(port).contentType("application/fhir+json").body("{}").post(path)
                    : given().port(port).get(path);
            Response s = validate ? signedIn.request().contentType("application/fhir+json").body("{}").post(path)
                    : signedIn.request().get(path);
            if (validate ? a.statusCode() != 401 : a.statusCode() == 401 || a.statusCode() == 403) {
                wrong.add(operation + " anonymously: " + a.statusCode());
            }
            if (s.statusCode() == 401 || s.statusCode() == 403 || s.statusCode() >= 500) {
                wrong.add(operation + " signed in: " + s.statusCode());
            }
            // one row for the operation on every resource type (each was called above)
            String shown = validate && name.contains("/") ? operation.replace("/fhir/" + name.substring(0, name.indexOf('/')) + "/",
                    "/fhir/{type}/") : operation;
            rows.put(shown, "| `" + shown + "` | `" + (validate ? "SIGNED_IN" : "PUBLIC") + "` | "
                    + (validate ? "object" : "anyone") + " |" + (validate ? " ○ |" : " ✓ |").repeat(Role.values().length + 1)
                    + (validate ? " — |" : " ✓ |"));
        }
        assertThat(rows.keySet()).anyMatch(o -> o.contains("$validate")).anyMatch(o -> o.contains("$expand"));
        return rows;
    }

    /** A 401 of the security filters (not the sign-in endpoint's own answer to wrong credentials). */
    private static boolean notSignedIn(Response r) {
        return r.statusCode() == 401 && !"invalid-credentials".equals(r.jsonPath().getString("code"));
    }

    private static Response call(RequestSpecification spec, String method, String path) {
        RequestSpecification s = spec.redirects().follow(false);
        return switch (method) {
            case "get" -> s.get(path);
            case "delete" -> s.delete(path);
            case "post" -> s.contentType(ContentType.JSON).body("{}").post(path);
            case "put" -> s.contentType(ContentType.JSON).body("{}").put(path);
            default -> s.contentType(ContentType.JSON).body("{}").patch(path);
        };
    }
}
