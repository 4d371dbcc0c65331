package org.hmbd.validator.engine;

import java.nio.file.Path;
import org.hmbd.validator.content.StandardContent;

/** The sample standard shipped in standards/, loaded once for all tests of this JVM. */
final class Samples {

    static final Path FOLDER = Path.of("..", "standards", "hmbd-core-sample", "0.1.0").toAbsolutePath().normalize();
    private static ValidationEngine engine;

    private Samples() {
    }

    static synchronized ValidationEngine engine() {
        if (engine == null) {
            engine = ValidationEngine.create(StandardContent.load(ValidationEngine.fhirContext(), FOLDER),
                    Limits.defaults());
        }
        return engine;
    }

    static Path example(String relative) {
        return FOLDER.resolve("examples").resolve(relative);
    }
}
