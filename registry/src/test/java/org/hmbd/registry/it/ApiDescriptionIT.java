package org.hmbd.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API description at {@code /v3/api-docs} is a valid OpenAPI 3.1 document for an independent validator. */
class ApiDescriptionIT extends RegistryIT {

    @Test
    void theApiDescriptionIsAValidOpenApi31Document() throws IOException {
        String document = anonymous.get("/v3/api-docs").then().statusCode(200).extract().asString();
        assertThat(document).contains("\"openapi\":\"3.1");
        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("/openapi/oas-3.1-schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in, InputFormat.JSON);
        }
        List<Error> errors = schema.validate(document, InputFormat.JSON);
        assertThat(errors).as("OpenAPI 3.1 schema violations").isEmpty();
    }

    @Test
    void theValidatorCatchesALicenseWithoutIdentifierOrUrl() throws IOException {
        // the check is real: the document as it was before (license with a name only) fails it
        String document = anonymous.get("/v3/api-docs").then().statusCode(200).extract().asString()
                .replaceFirst("\"license\":\\{[^}]*}", "\"license\":{\"name\":\"Apache-2.0\"}");
        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("/openapi/oas-3.1-schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in, InputFormat.JSON);
        }
        assertThat(schema.validate(document, InputFormat.JSON)).isNotEmpty();
    }
}
