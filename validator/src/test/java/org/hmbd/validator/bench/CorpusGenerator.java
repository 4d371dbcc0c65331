package org.hmbd.validator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.hmbd.validator.rules.Checksums;

/**
 * Writes a deterministic synthetic NDJSON corpus for the sample national core standard: patients,
 * encounters, diagnoses and vital signs of realistic size, about 10% of them with a defect
 * (wrong check character, missing birth date, invalid unit, invalid code, date in the future).
 * Synthetic people, not real persons.
 */
public final class CorpusGenerator {

    static final String BASE = "http://fhir.hmbd-registry.org/sample/core";
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳"};
    private static final String[] REGIONS = {"350102", "320102", "370102", "340102", "520102", "110105", "440106"};
    private static final String[][] VITALS = {{"8867-4", "Heart rate", "/min", "60", "100"},
            {"9279-1", "Respiratory rate", "/min", "12", "20"}, {"8310-5", "Body temperature", "Cel", "36", "38"},
            {"8480-6", "Systolic blood pressure", "mm[Hg]", "100", "150"},
            {"29463-7", "Body weight", "kg", "45", "95"}, {"8302-2", "Body height", "cm", "150", "190"}};
    private static final String[] ICD = {"J20.9", "I10", "E11.9", "K29.7", "M54.5", "J06.9", "N39.0", "R51"};

    private final ObjectMapper json = new ObjectMapper();
    private final Random random;

    public CorpusGenerator(long seed) {
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[1]);
        new CorpusGenerator(42).write(Path.of(args[0]), n);
    }

    /** Writes about {@code n} resources; returns how many were written. */
    public long write(Path file, int n) throws IOException {
        long written = 0;
        int patient = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (written < n) {
                patient++;
                boolean male = random.nextBoolean();
                LocalDate birth = LocalDate.of(1940 + random.nextInt(80), 1 + random.nextInt(12), 1 + random.nextInt(28));
                String region = REGIONS[random.nextInt(REGIONS.length)];
                String pid = "p" + patient;
                w.write(json.writeValueAsString(patient(pid, male, birth, region)));
                w.newLine();
                written++;
                int encounters = 1 + random.nextInt(2);
                for (int e = 0; e < encounters && written < n; e++) {
                    String eid = pid + "-e" + e;
                    LocalDate day = birth.plusDays(365L * 18 + random.nextInt(365 * 20));
                    if (day.isAfter(LocalDate.of(2026, 10, 1))) {
                        day = LocalDate.of(2026, 1 + random.nextInt(9), 1 + random.nextInt(28));
                    }
                    w.write(json.writeValueAsString(encounter(eid, pid, day)));
                    w.newLine();
                    written++;
                    if (written < n) {
                        w.write(json.writeValueAsString(condition(eid + "-c", pid, eid, day)));
                        w.newLine();
                        written++;
                    }
                    for (int o = 0; o < 2 && written < n; o++) {
                        w.write(json.writeValueAsString(observation(eid + "-o" + o, pid, eid, day)));
                        w.newLine();
                        written++;
                    }
                }
            }
        }
        return written;
    }

    private boolean defect() {
        return random.nextInt(100) < 10;
    }

    private ObjectNode profiled(String type, String id, String profile) {
        ObjectNode r = json.createObjectNode();
        r.put("resourceType", type);
        r.put("id", id);
        r.putObject("meta").putArray("profile").add(BASE + "/StructureDefinition/" + profile);
        return r;
    }

    ObjectNode patient(String id, boolean male, LocalDate birth, String region) {
        ObjectNode p = profiled("Patient", id, "hmbd-patient");
        ArrayNode ext = p.putArray("extension");
        ObjectNode sex = ext.addObject();
        sex.put("url", BASE + "/StructureDefinition/sex-gbt2261");
        sex.putObject("valueCoding").put("system", BASE + "/CodeSystem/gbt-2261-1-sex").put("code", male ? "1" : "2");
        ObjectNode eth = ext.addObject();
        eth.put("url", BASE + "/StructureDefinition/ethnicity");
        eth.putObject("valueCoding").put("system", BASE + "/CodeSystem/gbt-3304-ethnicity")
                .put("code", String.format("%02d", 1 + random.nextInt(random.nextInt(10) == 0 ? 56 : 1)));
        String first17 = region + birth.toString().replace("-", "")
                + String.format("%03d", random.nextInt(500) * 2 + (male ? 1 : 0));
        String resident = first17 + Checksums.residentIdCheck(first17);
        int kind = defect() ? random.nextInt(4) : -1;
        if (kind == 0) {
            resident = first17 + (resident.charAt(17) == '0' ? '1' : '0');
        }
        ObjectNode ident = p.putArray("identifier").addObject();
        ident.put("system", BASE + "/NamingSystem/resident-id").put("value", resident);
        ObjectNode name = p.putArray("name").addObject();
        String family = SURNAMES[random.nextInt(SURNAMES.length)];
        String given = GIVEN[random.nextInt(GIVEN.length)] + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
        name.put("text", family + given).put("family", family).putArray("given").add(given);
        p.putArray("telecom").addObject().put("system", "phone").put("value", "138" + (10000000 + random.nextInt(89999999)));
        p.put("gender", kind == 1 ? "m" : male ? "male" : "female");
        if (kind != 2) {
            p.put("birthDate", kind == 3 ? "2090-01-01" : birth.toString());
        }
        ObjectNode address = p.putArray("address").addObject();
        address.putArray("extension").addObject().put("url", BASE + "/StructureDefinition/administrative-division")
                .put("valueCode", region);
        address.put("text", "示例路 " + (1 + random.nextInt(999)) + " 号").put("city", "示例市");
        return p;
    }

    ObjectNode encounter(String id, String patient, LocalDate day) {
        ObjectNode e = profiled("Encounter", id, "hmbd-encounter");
        e.put("status", "finished");
        e.putObject("class").put("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode")
                .put("code", random.nextInt(5) == 0 ? "IMP" : "AMB");
        e.putObject("subject").put("reference", "Patient/" + patient);
        ObjectNode period = e.putObject("period");
        if (!defect()) {
            period.put("start", day + "T09:" + (10 + random.nextInt(40)) + ":00+08:00");
        }
        period.put("end", day + "T10:30:00+08:00");
        return e;
    }

    ObjectNode condition(String id, String patient, String encounter, LocalDate day) {
        ObjectNode c = profiled("Condition", id, "hmbd-condition");
        c.putObject("clinicalStatus").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/condition-clinical")
                .put("code", defect() ? "sleeping" : "active");
        c.putObject("code").putArray("coding").addObject().put("system", "http://hl7.org/fhir/sid/icd-10")
                .put("code", ICD[random.nextInt(ICD.length)]);
        c.putObject("subject").put("reference", "Patient/" + patient);
        c.putObject("encounter").put("reference", "Encounter/" + encounter);
        c.put("recordedDate", day.toString());
        return c;
    }

    ObjectNode observation(String id, String patient, String encounter, LocalDate day) {
        String[] v = VITALS[random.nextInt(VITALS.length)];
        ObjectNode o = profiled("Observation", id, "hmbd-vital-signs");
        o.put("status", "final");
        o.putArray("category").addObject().putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/observation-category").put("code", "vital-signs");
        o.putObject("code").putArray("coding").addObject().put("system", "http://loinc.org").put("code", v[0])
                .put("display", v[1]);
        o.putObject("subject").put("reference", "Patient/" + patient);
        o.putObject("encounter").put("reference", "Encounter/" + encounter);
        o.put("effectiveDateTime", day + "T09:45:00+08:00");
        double low = Double.parseDouble(v[3]);
        double high = Double.parseDouble(v[4]);
        String unit = defect() ? "beats" : v[2];
        o.putObject("valueQuantity").put("value", Math.round((low + random.nextDouble() * (high - low)) * 10) / 10.0)
                .put("unit", unit).put("system", "http://unitsofmeasure.org").put("code", unit);
        return o;
    }
}
