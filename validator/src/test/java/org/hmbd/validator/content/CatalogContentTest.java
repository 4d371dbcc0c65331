package org.hmbd.validator.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code hmbd-catalog.json} read into records and checked on loading, with an error naming the entry. */
class CatalogContentTest {

    private static CatalogContent read(String json) throws IOException {
        return CatalogContent.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theSampleCatalogIsReadWithTheContent() {
        CatalogContent c = StandardContent.load(FhirContext.forR4Cached(), StandardContentTest.SAMPLE).catalog();
        assertThat(c.dataElements()).isNotEmpty();
        assertThat(c.dataElements()).extracting(CatalogContent.DataElement::identifier).contains("DE02.01.039.00");
        CatalogContent.DataElement name = c.dataElements().stream()
                .filter(d -> d.identifier().equals("DE02.01.039.00")).findFirst().orElseThrow();
        assertThat(name.name().zh()).isEqualTo("患者姓名");
        assertThat(name.fhirPath()).isEqualTo("Patient.name");
        assertThat(c.dataSets()).isNotEmpty();
        assertThat(c.dataSets().get(0).elements()).isNotEmpty();
    }

    @Test
    void contentWithoutACatalogHasAnEmptyOne() {
        assertThat(StandardContent.base().catalog().dataElements()).isEmpty();
        assertThat(StandardContent.base().catalog().dataSets()).isEmpty();
    }

    @Test
    void unknownMembersAreIgnoredAndMissingListsAreEmpty() throws IOException {
        CatalogContent c = read("{\"notice\":\"n\",\"future\":1,\"dataElements\":[{\"identifier\":\"DE1\","
                + "\"name\":{\"zh\":\"名\"},\"extra\":true}]}");
        assertThat(c.dataElements()).hasSize(1);
        assertThat(c.dataSets()).isEmpty();
        assertThat(c.notice()).isEqualTo("n");
    }

    @Test
    void aBadFileIsRefusedNamingTheEntry() {
        assertThatThrownBy(() -> read("[1]")).isInstanceOf(ContentException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> read("{\"dataElements\":")).isInstanceOf(ContentException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> read("{\"dataElements\":{}}")).isInstanceOf(ContentException.class)
                .hasMessageContaining("dataElements must be an array");
        assertThatThrownBy(() -> read("{\"dataElements\":[{\"name\":{\"zh\":\"名\"}}]}"))
                .isInstanceOf(ContentException.class).hasMessageContaining("data element #1 has no identifier");
        assertThatThrownBy(() -> read("{\"dataElements\":[{\"identifier\":\"D\",\"name\":{\"zh\":\"a\"}},"
                + "{\"identifier\":\"D\",\"name\":{\"zh\":\"b\"}}]}"))
                .isInstanceOf(ContentException.class).hasMessageContaining("data element #2 repeats the identifier D");
        assertThatThrownBy(() -> read("{\"dataSets\":[{\"identifier\":\"S\",\"name\":{\"en\":\"only English\"}}]}"))
                .isInstanceOf(ContentException.class).hasMessageContaining("data set #1 (S) has no Chinese name");
        assertThatThrownBy(() -> read("{\"dataSets\":[{\"identifier\":\"S\",\"name\":{\"zh\":\"集\"},"
                + "\"elements\":[{\"required\":true}]}]}"))
                .isInstanceOf(ContentException.class).hasMessageContaining("element #1 has no identifier");
        assertThatThrownBy(() -> read("{\"dataElements\":[{\"identifier\":\"D\",\"name\":\"not an object\"}]}"))
                .isInstanceOf(ContentException.class).hasMessageStartingWith("hmbd-catalog.json");
    }
}
