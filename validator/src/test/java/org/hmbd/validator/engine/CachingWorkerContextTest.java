package org.hmbd.validator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.common.hapi.validation.support.BaseValidationSupportWrapper;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.model.ValueSet;
import org.hmbd.validator.content.StandardContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CachingWorkerContextTest {

    private static final String PATIENT = "http://fhir.hmbd-registry.org/sample/core/StructureDefinition/hmbd-patient";

    /** The sample standard's real support chain, counting how often definitions are asked for. */
    private static final class Counting extends BaseValidationSupportWrapper {
        final AtomicInteger fetches = new AtomicInteger();

        Counting(FhirContext ctx, StandardContent content) {
            super(ctx, ValidationSupportFactory.create(ctx, content));
        }

        @Override
        public <T extends IBaseResource> T fetchResource(Class<T> type, String uri) {
            fetches.incrementAndGet();
            return super.fetchResource(type, uri);
        }
    }

    private Counting support;
    private CachingWorkerContext cached;
    private WorkerContextValidationSupportAdapter stock;

    @BeforeEach
    void setUp() {
        FhirContext ctx = ValidationEngine.fhirContext();
        StandardContent content = StandardContent.load(ctx, Samples.FOLDER);
        support = new Counting(ctx, content);
        cached = new CachingWorkerContext(support);
        stock = new WorkerContextValidationSupportAdapter(support);
    }

    @Test
    void answersWithTheVeryObjectTheStockLookupReturnsAndAsksTheChainOnce() {
        StructureDefinition first = cached.fetchResource(StructureDefinition.class, PATIENT);
        assertThat(first).isNotNull();
        assertThat(first).isSameAs(stock.fetchResource(StructureDefinition.class, PATIENT));
        int asked = support.fetches.get();
        assertThat(cached.fetchResource(StructureDefinition.class, PATIENT)).isSameAs(first);
        assertThat(cached.fetchTypeDefinition("Patient")).isSameAs(stock.fetchTypeDefinition("Patient"));
        int afterType = support.fetches.get();
        assertThat(cached.fetchTypeDefinition("Patient")).isNotNull();
        assertThat(support.fetches.get()).as("remembered, the chain is not asked again").isEqualTo(afterType);
        assertThat(afterType - asked).isEqualTo(1);
    }

    @Test
    void remembersWhatResolvesToNothingButOnlyUpToTheBound() {
        assertThat(cached.fetchResource(ValueSet.class, "http://example.org/none")).isNull();
        int asked = support.fetches.get();
        assertThat(cached.fetchResource(ValueSet.class, "http://example.org/none")).isNull();
        assertThat(support.fetches.get()).isEqualTo(asked);

        for (int i = 0; i < CachingWorkerContext.MAX_MISSES + 50; i++) {
            assertThat(cached.fetchResource(ValueSet.class, "http://example.org/data/" + i)).isNull();
        }
        int beyond = support.fetches.get();
        // a URL past the bound is not remembered: asked again each time, still answered correctly
        assertThat(cached.fetchResource(ValueSet.class, "http://example.org/data/" + (CachingWorkerContext.MAX_MISSES + 10)))
                .isNull();
        assertThat(support.fetches.get()).isEqualTo(beyond + 1);
        // definitions are still remembered after the bound
        assertThat(cached.fetchResource(StructureDefinition.class, PATIENT)).isNotNull();
        int known = support.fetches.get();
        assertThat(cached.fetchResource(StructureDefinition.class, PATIENT)).isNotNull();
        assertThat(support.fetches.get()).isEqualTo(known);
    }
}
