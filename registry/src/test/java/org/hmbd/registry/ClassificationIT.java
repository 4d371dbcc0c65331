package org.hmbd.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every stored data category is labelled in the schema (Art. 18, issue 13): each table's comment
 * names its class, and what is labelled sensitive personal is protected as such.
 */
class ClassificationIT extends StoreContract {

    private static final String CLASS = "classification: (public|internal|personal|sensitive personal)\\b.*";

    @Test
    void everyTableCarriesItsClassification() {
        List<Map<String, Object>> tables = database().sql("""
                select c.relname as name, obj_description(c.oid, 'pg_class') as comment
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p')
                  and c.relname not in ('databasechangelog', 'databasechangeloglock')
                order by 1""").query().listOfRows();
        assertThat(tables).hasSizeGreaterThan(30);
        assertThat(tables).allSatisfy(t -> assertThat((String) t.get("comment"))
                .as("the classification of table %s", t.get("name")).isNotNull().matches(CLASS));
    }

    @Test
    void columnsLabelledSensitivePersonalAreEncryptedOrHashedNeverPlainText() {
        List<Map<String, Object>> columns = database().sql("""
                select c.relname as table_name, a.attname as column_name, format_type(a.atttypid, a.atttypmod) as type,
                       col_description(c.oid, a.attnum) as comment
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                where n.nspname = 'public' and col_description(c.oid, a.attnum) is not null""").query().listOfRows();
        assertThat(columns).allSatisfy(col -> assertThat((String) col.get("comment"))
                .as("the classification of %s.%s", col.get("table_name"), col.get("column_name")).matches(CLASS));
        List<Map<String, Object>> sensitive = columns.stream()
                .filter(col -> ((String) col.get("comment")).startsWith("classification: sensitive personal")).toList();
        assertThat(sensitive).extracting(col -> col.get("column_name"))
                .contains("real_name_enc", "id_number_enc", "password_hash");
        // encrypted (bytea written by the vault) or a one-way hash: never readable text
        assertThat(sensitive).allSatisfy(col -> assertThat(col.get("type").equals("bytea")
                || ((String) col.get("comment")).matches(".*(hash|Argon2id).*"))
                .as("%s.%s is protected", col.get("table_name"), col.get("column_name")).isTrue());
    }
}
