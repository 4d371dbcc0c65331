package org.hmbd.validator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The validation engine is plain Java: usable from the CLI, the server or any other host. */
class NoSpringInValidatorTest {

    @Test
    void validatorDependsOnNoSpringClass() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hmbd.validator");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(classes);
    }
}
