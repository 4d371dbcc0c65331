package org.hmbd.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A feature module's top-level package is its API: a type there is public only if code outside
 * the package uses it (the module's own web adapters or another module); everything else is
 * package-private.
 */
class PublicApiTest {

    private static final Pattern MODULE_API = Pattern.compile("org\\.hmbd\\.registry\\.[a-z]+");

    /** A holder of compile-time constants: javac inlines them, so their users leave no trace in the bytecode. */
    private static boolean onlyConstants(JavaClass c) {
        return !c.getFields().isEmpty() && c.getMethods().isEmpty() && c.getFields().stream().allMatch(f ->
                f.getModifiers().containsAll(List.of(JavaModifier.STATIC, JavaModifier.FINAL))
                        && (f.getRawType().isPrimitive() || f.getRawType().isEquivalentTo(String.class)));
    }

    @Test
    void onlyTypesUsedOutsideTheirPackageArePublic() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hmbd.registry");
        List<String> needless = new ArrayList<>();
        int checked = 0;
        for (JavaClass c : classes) {
            if (!c.getModifiers().contains(JavaModifier.PUBLIC) || c.isNestedClass()
                    || !MODULE_API.matcher(c.getPackageName()).matches()
                    || c.isAnnotatedWith(ConfigurationProperties.class) || onlyConstants(c)) {
                continue;
            }
            checked++;
            boolean usedOutside = c.getDirectDependenciesToSelf().stream()
                    .anyMatch(d -> !d.getOriginClass().getPackageName().equals(c.getPackageName()));
            if (!usedOutside) {
                needless.add(c.getName());
            }
        }
        assertThat(checked).isGreaterThan(30);
        assertThat(needless).as("public but used only inside their package").isEmpty();
    }
}
