package org.hmbd.validator.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hmbd.validator.Text;

/**
 * The data elements and data sets of a standard edition ({@code hmbd-catalog.json}: {@code catalog.json}
 * next to the manifest in a content folder, {@code package/other/hmbd-catalog.json} in a package),
 * read into records and checked when the content is loaded.
 *
 * @param notice the status of the content (e.g. "sample, not an official text"), or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogContent(String notice, List<DataElement> dataElements, List<DataSet> dataSets) {

    /** The file's name inside a FHIR package's {@code package/other/} folder. */
    public static final String PACKAGE_FILE = "hmbd-catalog.json";
    /** The file's name next to {@code manifest.json} in a content folder. */
    public static final String FOLDER_FILE = "catalog.json";

    /** A data element (e.g. WS 363 {@code DE02.01.039.00}): its identifier, texts and representation. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DataElement(String identifier, Text name, Text definition, String dataType, String format,
                              String valueSet, String fhirPath) {
    }

    /** A data set and its member data elements. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DataSet(String identifier, Text name, Text definition, List<Member> elements) {
        public DataSet {
            elements = elements == null ? List.of() : List.copyOf(elements);
        }
    }

    /** A data element of a data set, and whether the set requires it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Member(String identifier, boolean required) {
    }

    public CatalogContent {
        dataElements = dataElements == null ? List.of() : List.copyOf(dataElements);
        dataSets = dataSets == null ? List.of() : List.copyOf(dataSets);
    }

    /** Content without data elements or data sets. */
    public static CatalogContent empty() {
        return new CatalogContent(null, List.of(), List.of());
    }

    /**
     * Reads and checks a catalog file: a JSON object; every data element and data set has an
     * identifier, unique within its kind, and a Chinese name; every member of a data set has an
     * identifier.
     *
     * @throws ContentException naming the file, the entry and what is wrong
     */
    public static CatalogContent read(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = Manifest.JSON.readTree(in);
        } catch (JacksonException e) {
            throw new ContentException(PACKAGE_FILE + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ContentException(PACKAGE_FILE + " is not a JSON object");
        }
        for (String list : new String[] {"dataElements", "dataSets"}) {
            if (root.has(list) && !root.get(list).isArray()) {
                throw new ContentException(PACKAGE_FILE + ": " + list + " must be an array");
            }
        }
        CatalogContent c;
        try {
            c = Manifest.JSON.treeToValue(root, CatalogContent.class);
        } catch (JacksonException e) {
            throw new ContentException(PACKAGE_FILE + ": " + e.getOriginalMessage());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < c.dataElements().size(); i++) {
            DataElement de = c.dataElements().get(i);
            check("data element #" + (i + 1), de == null ? null : de.identifier(), de == null ? null : de.name(), seen);
        }
        seen.clear();
        for (int i = 0; i < c.dataSets().size(); i++) {
            DataSet ds = c.dataSets().get(i);
            String where = "data set #" + (i + 1);
            check(where, ds == null ? null : ds.identifier(), ds == null ? null : ds.name(), seen);
            for (int j = 0; j < ds.elements().size(); j++) {
                Member m = ds.elements().get(j);
                if (m == null || m.identifier() == null || m.identifier().isBlank()) {
                    throw new ContentException(PACKAGE_FILE + ": " + where + " (" + ds.identifier() + "), element #"
                            + (j + 1) + " has no identifier");
                }
            }
        }
        return c;
    }

    private static void check(String where, String identifier, Text name, Set<String> seen) {
        if (identifier == null || identifier.isBlank()) {
            throw new ContentException(PACKAGE_FILE + ": " + where + " has no identifier");
        }
        if (!seen.add(identifier)) {
            throw new ContentException(PACKAGE_FILE + ": " + where + " repeats the identifier " + identifier);
        }
        if (name == null || name.zh() == null || name.zh().isBlank()) {
            throw new ContentException(PACKAGE_FILE + ": " + where + " (" + identifier + ") has no Chinese name");
        }
    }
}
