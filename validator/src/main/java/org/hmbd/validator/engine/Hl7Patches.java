package org.hmbd.validator.engine;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HL7 FHIR core classes this engine ships patched copies of, for speed with identical findings
 * ({@code validator/src/main/java/org/hl7/…}; each file's header names the upstream version, the
 * change and the reason; docs/validator.md lists them). A copy takes effect when it comes before the
 * original on the class path: the validator's own classes do in Maven, in the registry's jar (the
 * validator is its first dependency) and in the CLI's shaded jar (which leaves the originals out).
 * When an original is loaded first the findings stay the same, only slower; the engine says so once.
 */
public final class Hl7Patches {

    /** A patched class: its name and the upstream artifact and class file digest it was made from. */
    public record Patch(String className, String upstreamJar, String upstreamClassSha256) {
    }

    public static final List<Patch> PATCHES = List.of(
            new Patch("org.hl7.fhir.utilities.xhtml.XhtmlParser", "org.hl7.fhir.utilities-6.7.9.jar",
                    "5688a92e2767ddf366e35ea91bad2d255d8ae1bfdd8f5b3b33d27a4ef77e07cf"),
            new Patch("org.hl7.fhir.validation.instance.utils.FHIRPathExpressionFixer", "org.hl7.fhir.validation-6.7.9.jar",
                    "3b20f441c829b96685322848263e4c830874aeb2dc49f6856ceae1d8cc10a5c8"),
            new Patch("org.hl7.fhir.validation.instance.InstanceValidator", "org.hl7.fhir.validation-6.7.9.jar",
                    "e6e3d69157dc0efeb63a0abe7bc6030423f024120d9b1ff937f1ff73d5df9eb5"));

    private static final Logger LOG = LoggerFactory.getLogger(Hl7Patches.class);
    private static final AtomicBoolean CHECKED = new AtomicBoolean();

    private Hl7Patches() {
    }

    /** The patched classes whose original was loaded instead of the copy: empty when every patch is in effect. */
    public static List<String> inactive() {
        return PATCHES.stream().map(Patch::className).filter(name -> !patched(name)).toList();
    }

    private static boolean patched(String className) {
        try {
            Class.forName(className, false, Hl7Patches.class.getClassLoader()).getField("HMBD_PATCH");
            return true;
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }

    /** Logs once per JVM when a patch is not in effect. */
    static void checkOnce() {
        if (CHECKED.compareAndSet(false, true)) {
            List<String> off = inactive();
            if (!off.isEmpty()) {
                LOG.warn("HL7 validator patches not in effect (the originals come first on the class path): {}."
                        + " Findings are the same; validation is slower. See docs/validator.md.", off);
            }
        }
    }
}
