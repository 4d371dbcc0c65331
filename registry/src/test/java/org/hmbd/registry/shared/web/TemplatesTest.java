package org.hmbd.registry.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hmbd.registry.conformance.Certificates;
import org.hmbd.registry.standard.EditionStatus;
import org.hmbd.registry.standard.StandardLevel;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every message a template of the web UI names exists in both languages: the keys written out
 * ({@code #{page.title}}, {@code #messages.msg('…')}) and, for keys built from a value
 * ({@code #{'level.' + ${l}}}), the key of every value it can take. A missing one would show
 * Thymeleaf's {@code ??key_zh_CN??} marker on the page.
 */
class TemplatesTest {

    private static final Pattern STATIC = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[}(]");
    private static final Pattern LITERAL = Pattern.compile("#messages\\.msg(?:OrNull)?\\('([\\w.-]+)'\\)");
    private static final Pattern BUILT = Pattern.compile("(?:#\\{|#messages\\.msg(?:OrNull)?\\()'([\\w.-]+\\.)' *\\+"
            + "|fragments :: history\\([^,]+, '([\\w.-]+\\.)'");

    /** The kinds of catalog items ({@code catalog.CatalogItemType}). */
    private static final List<String> CATALOG_TYPES = List.of("STANDARD", "EDITION", "DATA_ELEMENT", "DATA_SET",
            "VALUE_SET", "CODE_SYSTEM", "PROFILE", "EXTENSION");

    /** The values each built key can take. */
    private static final Map<String, List<String>> BUILT_FROM = Map.ofEntries(
            Map.entry("level.", names(StandardLevel.values())),
            Map.entry("standard.status.", List.of("ACTIVE", "DRAFT", "ABOLISHED", "WITHDRAWN")),
            Map.entry("edition.status.", names(EditionStatus.values())),
            Map.entry("page.verify.", names(Certificates.Validity.values())),
            Map.entry("page.error.", List.of("404", "403", "500")),
            Map.entry("page.catalog.facet.", List.of("type", "status", "level")),
            Map.entry("catalog.type.", CATALOG_TYPES),
            Map.entry("run.status.", List.of("AWAITING_DATA", "QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED")),
            Map.entry("dimension.", names(org.hmbd.validator.Dimension.values())),
            Map.entry("severity.", names(org.hmbd.validator.Severity.values())),
            Map.entry("proposal.status.", constants("org.hmbd.registry.proposal.ProposalStatus")),
            Map.entry("proposal.kind.", constants("org.hmbd.registry.proposal.ProposalKind")),
            Map.entry("page.edition.move.", names(EditionStatus.values())),
            Map.entry("disposition.", List.of("ACCEPTED", "PARTLY_ACCEPTED", "NOT_ACCEPTED")),
            Map.entry("page.evaluations.conclusion.", names(org.hmbd.registry.conformance.Evaluations.Conclusion.values())),
            Map.entry("page.group.role.", constants("org.hmbd.registry.standard.WorkingGroupRole")),
            Map.entry("page.artifacts.kind.", List.of("added", "removed")),
            Map.entry("page.tokens.scope.", names(org.hmbd.registry.auth.TokenScope.values())),
            Map.entry("page.adoption.level.", List.of("province", "prefecture", "county")),
            Map.entry("page.work.", List.of("toDecide", "toPublish", "reviews", "drafts", "commentOpen")),
            Map.entry("role.", names(org.hmbd.registry.auth.Role.values())),
            Map.entry("page.audit.outcome.", List.of("SUCCESS", "FAILURE", "ATTEMPT")),
            Map.entry("account.status.", constants("org.hmbd.registry.auth.AccountStatus")),
            Map.entry("page.accounts.move.", constants("org.hmbd.registry.auth.AccountStatus")),
            Map.entry("identity.", constants("org.hmbd.registry.auth.IdentityDocument")),
            Map.entry("organization.level.", constants("org.hmbd.registry.auth.OrganizationLevel")),
            Map.entry("organization.kind.", constants("org.hmbd.registry.auth.OrganizationKind")),
            Map.entry("organization.grade.", constants("org.hmbd.registry.auth.InstitutionGrade")),
            Map.entry("page.adoption.by.", List.of("regions", "grades", "kinds")),
            Map.entry("page.adoption.key.", List.of("regions", "grades", "kinds")),
            Map.entry("catalog.", Stream.concat(CATALOG_TYPES.stream().map(t -> "type." + t), Stream.of("status.PUBLISHED",
                    "status.SUPERSEDED", "status.ABOLISHED", "level.GB", "level.WS", "level.DB", "level.T")).toList()));

    /** The constants of an enum its package keeps to itself. */
    private static List<String> constants(String enumClass) {
        try {
            return Arrays.stream(Class.forName(enumClass).getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TemplatesTest.class.getResourceAsStream("/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyMessageATemplateNamesExistsInBothLanguages() throws IOException {
        Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
        assertThat(templates).as("the templates of catalog-ui are on the class path").hasSizeGreaterThan(5);
        List<Properties> languages = List.of(load("messages.properties"), load("messages_zh_CN.properties"));
        List<String> missing = new ArrayList<>();
        int keys = 0;
        for (Resource t : templates) {
            String text = t.getContentAsString(StandardCharsets.UTF_8);
            List<String> named = new ArrayList<>();
            Stream.of(STATIC, LITERAL).forEach(p -> {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    named.add(m.group(1));
                }
            });
            Matcher built = BUILT.matcher(text);
            while (built.find()) {
                String prefix = built.group(1) != null ? built.group(1) : built.group(2);
                List<String> values = BUILT_FROM.get(prefix);
                if (values == null) {
                    missing.add(t.getFilename() + ": a key built on '" + prefix + "' that this test does not know");
                    continue;
                }
                values.forEach(v -> named.add(prefix + v));
            }
            for (String key : named) {
                keys++;
                for (Properties p : languages) {
                    if (p.getProperty(key) == null) {
                        missing.add(t.getFilename() + ": " + key);
                    }
                }
            }
        }
        assertThat(keys).isGreaterThan(80);
        assertThat(missing).isEmpty();
    }
}
