package org.hmbd.validator.engine;

import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.r5.model.Resource;

/**
 * HAPI's worker context (the bridge through which HL7's validator reads definitions), remembering
 * what each canonical URL resolved to. HL7's validator asks for the same few definitions many times
 * per resource (the type of every element, every bound value set, whether a type is a resource); the
 * stock bridge answers each time by resolving the resource type name through the FHIR context,
 * asking the whole support chain and looking up the converted copy kept on the found resource.
 *
 * <p>Safe because an engine's content is fixed for its life: the chain returns the same resource
 * for the same URL, and the stock bridge returns the same converted R5 object for it (kept in the
 * resource's user data), so a remembered answer is the very object the stock lookup would return.
 * URLs that resolve to nothing are remembered too; failures (exceptions) are not, they are thrown
 * again on the next call as before. Thread-safe.
 */
final class CachingWorkerContext extends WorkerContextValidationSupportAdapter {

    /** Stands for "resolves to nothing" (a concurrent map holds no nulls). */
    private static final Object NONE = new Object();

    private final Map<Class<?>, Map<String, Object>> byType = new ConcurrentHashMap<>();

    CachingWorkerContext(IValidationSupport support) {
        super(support);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Resource> T fetchResource(Class<T> type, String uri) {
        if (uri == null) {
            return super.fetchResource(type, uri);
        }
        Map<String, Object> known = byType.computeIfAbsent(type, t -> new ConcurrentHashMap<>());
        Object found = known.get(uri);
        if (found == null) {
            T fetched = super.fetchResource(type, uri);
            found = fetched == null ? NONE : fetched;
            known.put(uri, found);
        }
        return found == NONE ? null : (T) found;
    }

    @Override
    public void invalidateCaches() {
        byType.clear();
        super.invalidateCaches();
    }
}
