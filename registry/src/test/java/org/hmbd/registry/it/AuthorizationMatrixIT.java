package org.hmbd.registry.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hmbd.registry.auth.Role;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix, generated (issue 13): every operation of {@code /v3/api-docs} declares
 * its permission, and is called by an account of every role (and one without roles, and
 * anonymously); each is allowed or refused exactly as its permission says. The FHIR operations of
 * the CapabilityStatement likewise. The matrix observed is the one in docs/security.md: run with
 * {@code -Dhmbd.write-matrix=true} to write it there after a permission changed.
 */
class AuthorizationMatrixIT extends RegistryIT {

    private static final Path DOC = Path.of("../docs/security.md");
    private static final String START = "<!-- authorization-matrix:start -->";
    private static final String END = "<!-- authorization-matrix:end -->";
    private static final String NONE = "(no role)";
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    /** Operations with a lasting effect when allowed: only their refusals are exercised. */
    private static final List<String> SIDE_EFFECTS = List.of("POST /api/v1/catalog/index/rebuild");

    private record Caller(String name, String username, Api api) {
    }

    @Test
    void everyOperationIsAllowedOrRefusedForEachRoleExactlyAsItsPermissionSays() throws IOException {
        JsonPath docs = anonymous.get("/v3/api-docs").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = docs.getMap("paths");
        List<Caller> callers = new ArrayList<>();
        for (Role role : Role.values()) {
            Member m = member(root(), role.name());
            callers.add(new Caller(role.name(), m.username(), m.api()));
        }
        Member plain = member(root());
        callers.add(new Caller(NONE, plain.username(), plain.api()));

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
            String reach = (String) op.get("x-reach");
            String path = template.replaceAll("\\{[^}]+}", "999999999");
            StringBuilder row = new StringBuilder("| `" + operation + "` | `" + permission + "` | "
                    + reach.toLowerCase(Locale.ROOT) + " |");
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
                row.append(allowed ? (roles.isEmpty() ? " ○ |" : " ✓ |") : " — |");
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
        rows.putAll(fhir(callers.get(callers.size() - 1).api(), wrong));
        assertThat(wrong).as("operations not allowed or refused as declared").isEmpty();

        StringBuilder matrix = new StringBuilder(START).append("\n\n| Operation | Permission | Reach |");
        callers.forEach(c -> matrix.append(" `").append(c.name()).append("` |"));
        matrix.append(" anonymous |\n|---|---|---|");
        callers.forEach(c -> matrix.append("---|"));
        matrix.append("---|\n");
        rows.values().forEach(r -> matrix.append(r).append('\n'));
        matrix.append('\n').append(END);
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int from = doc.indexOf(START);
        int to = doc.indexOf(END);
        assertThat(from).as("docs/security.md holds the matrix between its markers").isNotNegative();
        String written = doc.substring(from, to + END.length());
        if (!written.contentEquals(matrix) && Boolean.getBoolean("hmbd.write-matrix")) {
            Files.writeString(DOC, doc.substring(0, from) + matrix + doc.substring(to + END.length()),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(written).as("docs/security.md shows the matrix this test observed (re-run with "
                + "-Dhmbd.write-matrix=true to write it)").isEqualTo(matrix.toString());
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
