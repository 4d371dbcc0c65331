package org.hmbd.registry.it;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the tests: one signed-in account (or anonymous) against the running server. */
final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final int port;
    private final String token;

    Api(int port, String token) {
        this.port = port;
        this.token = token;
    }

    /** The bearer token, or null for the anonymous client. */
    String token() {
        return token;
    }

    static Api anonymous(int port) {
        return new Api(port, null);
    }

    static String json(Object body) {
        return JSON.writeValueAsString(body);
    }

    RequestSpecification request() {
        RequestSpecification spec = given().port(port).header("Accept-Language", "en");
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

    Response get(String path, Object... params) {
        return request().get(path, params);
    }

    Response post(String path, Map<String, ?> body, Object... params) {
        return request().contentType(ContentType.JSON).body(json(body)).post(path, params);
    }

    Response delete(String path, Object... params) {
        return request().delete(path, params);
    }

    Response put(String path, Map<String, ?> body, Object... params) {
        return request().contentType(ContentType.JSON).body(json(body)).put(path, params);
    }

    Response transition(long editionId, Map<String, ?> body) {
        return post("/api/v1/editions/{id}/transitions", body, editionId);
    }

    static String signIn(int port, String username, String password) {
        return given().port(port).contentType(ContentType.JSON)
                .body(json(Map.of("username", username, "password", password)))
                .post("/api/v1/auth/token")
                .then().statusCode(200).extract().path("token");
    }
}
