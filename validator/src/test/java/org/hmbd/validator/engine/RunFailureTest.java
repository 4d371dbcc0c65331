package org.hmbd.validator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.hmbd.validator.CheckIds;
import org.hmbd.validator.Finding;
import org.hmbd.validator.Severity;
import org.hmbd.validator.content.StandardContent;
import org.hmbd.validator.report.Report;
import org.hmbd.validator.rules.ResourceView;
import org.hmbd.validator.rules.Rule;
import org.hmbd.validator.rules.RuleContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever throws while one resource is validated, the run goes on and ends: the resource gets a
 * finding, every other resource is validated as usual. Only the machinery failing (the virtual
 * machine out of memory) ends the run, with a clear error, and still nothing hangs.
 */
class RunFailureTest {

    private static final int RESOURCES = 10_000;
    private static final int BAD_LINE = 5_000;

    @TempDir
    static Path dir;
    private static Path ndjson;
    private static Path withBadReference;
    private static ValidationEngine engine;

    @BeforeAll
    static void data() throws IOException {
        StringBuilder sb = new StringBuilder();
        StringBuilder bad = new StringBuilder();
        for (int i = 1; i <= RESOURCES; i++) {
            String line = "{\"resourceType\":\"Basic\",\"id\":\"b" + i + "\",\"code\":{\"text\":\"x\"}}\n";
            sb.append(line);
            // a reference that makes HL7's own reference check throw (stock HAPI throws on it too)
            bad.append(i == BAD_LINE ? "{\"resourceType\":\"Basic\",\"id\":\"b" + i
                    + "\",\"code\":{\"text\":\"x\"},\"subject\":{\"reference\":\"//\"}}\n" : line);
        }
        ndjson = Files.writeString(dir.resolve("basics.ndjson"), sb);
        withBadReference = Files.writeString(dir.resolve("bad-reference.ndjson"), bad);
        // every finding kept (each resource has a narrative warning)
        engine = ValidationEngine.create(StandardContent.base(), new Limits(20 << 20, 100, 100_000, 1_000));
    }

    /** A rule that throws what it is given on the resource with the id b5000. */
    private static Rule throwingOn(String id, Supplier<? extends Throwable> what) {
        return new Rule() {
            @Override
            public String id() {
                return "TEST-THROWS";
            }

            @Override
            public void check(ResourceView resource, RuleContext ctx) {
                if (id.equals(resource.id())) {
                    sneaky(what.get());
                }
            }
        };
    }

    /** A rule whose submission-wide check at the end throws what it is given. */
    private static Rule throwingAtFinish(String id, Supplier<? extends Throwable> what) {
        return new Rule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public void check(ResourceView resource, RuleContext ctx) {
            }

            @Override
            public void finish(RuleContext ctx) {
                sneaky(what.get());
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneaky(Throwable t) throws T {
        throw (T) t;
    }

    private static List<Finding> failures(Report r) {
        return r.findings().stream().filter(f -> f.checkId().equals(CheckIds.VALIDATOR_FAILURE)).toList();
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    void aRuleThrowingOnOneResourceInTheMiddleIsAFindingAndTheRunGoesOn(int threads) {
        for (Supplier<? extends Throwable> what : List.<Supplier<? extends Throwable>>of(
                () -> new IllegalStateException("boom"), () -> new StackOverflowError(), () -> new AssertionError())) {
            Report r = assertTimeoutPreemptively(Duration.ofMinutes(3),
                    () -> engine.run(List.of(ndjson.toString()), threads, List.of(throwingOn("b" + BAD_LINE, what))));
            assertThat(r.summary().resources()).isEqualTo(RESOURCES);
            assertThat(failures(r)).singleElement().satisfies(f -> {
                assertThat(f.line()).isEqualTo(BAD_LINE);
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.message().zh()).doesNotContain("Exception", "Error");
                assertThat(f.message().en()).doesNotContain("Exception", "Error");
            });
        }
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    void hapiThrowingOnOneResourceInTheMiddleIsALocatedFindingAndTheRunGoesOn(int threads) {
        Report r = assertTimeoutPreemptively(Duration.ofMinutes(3),
                () -> engine.run(List.of(withBadReference.toString()), threads, List.of()));
        assertThat(r.summary().resources()).isEqualTo(RESOURCES);
        assertThat(r.findings()).filteredOn(f -> f.checkId().equals(CheckIds.INPUT_REFERENCE))
                .singleElement().satisfies(f -> {
                    assertThat(f.line()).isEqualTo(BAD_LINE);
                    assertThat(f.location()).isEqualTo("Basic.subject");
                    assertThat(f.message().en()).isEqualTo("The reference '//' is not a valid reference");
                });
        assertThat(failures(r)).singleElement().satisfies(f -> assertThat(f.line()).isEqualTo(BAD_LINE));
        assertThat(r.summary().errors()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    void aRuleFailingAtTheEndOfTheRunIsAFinding(int threads) {
        Rule failsAtEnd = throwingAtFinish("TEST-FINISH", () -> new IllegalStateException("boom"));
        Report r = engine.run(List.of(ndjson.toString()), threads, List.of(failsAtEnd));
        assertThat(failures(r)).singleElement().satisfies(f -> assertThat(f.rule()).isEqualTo("TEST-FINISH"));
        assertThat(r.summary().resources()).isEqualTo(RESOURCES);
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    void theMachineryFailingEndsTheRunWithAClearErrorAndNeverHangs(int threads) {
        // thrown on every resource: with one thread every worker is gone after the first
        Rule outOfMemory = throwingOn("b1", () -> new OutOfMemoryError("simulated"));
        assertTimeoutPreemptively(Duration.ofMinutes(2), () ->
                assertThatThrownBy(() -> engine.run(List.of(ndjson.toString()), threads, List.of(outOfMemory)))
                        .isInstanceOfSatisfying(ValidationRunException.class, e -> {
                            assertThat(e.text().zh()).contains("内部故障");
                            assertThat(e.getMessage()).doesNotContain("OutOfMemory");
                        }));
        // out of memory in a submission-wide check at the end: the same clear error
        Rule outOfMemoryAtEnd = throwingAtFinish("TEST-FINISH-OOM", () -> new OutOfMemoryError("simulated"));
        assertThatThrownBy(() -> engine.run(List.of(ndjson.toString()), threads, List.of(outOfMemoryAtEnd)))
                .isInstanceOf(ValidationRunException.class);
        // the engine is still usable afterwards
        assertThat(engine.run(List.of(ndjson.toString()), threads, List.of()).summary().resources())
                .isEqualTo(RESOURCES);
    }
}
