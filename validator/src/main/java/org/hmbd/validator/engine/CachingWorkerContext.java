package org.hmbd.validator.engine;

import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
 * URLs that resolve to nothing are remembered too, up to {@link #MAX_MISSES} of them (what HL7 asks
 * for comes from the definitions, measured at a few dozen URLs for a whole corpus, but a URL can
 * also come from the data, so what is remembered stays bounded whatever the data); failures
 * (exceptions) are not, they are thrown again on the next call as before. Thread-safe.
 */
final class CachingWorkerContext extends WorkerContextValidationSupportAdapter {

    /** Stands for "resolves to nothing" (a concurrent map holds no nulls). */
    private static final Object NONE = new Object();

    /** URLs that resolve to nothing remembered at most. */
    static final int MAX_MISSES = 10_000;

    private final Map<Class<?>, Map<String, Object>> byType = new ConcurrentHashMap<>();
    private final AtomicInteger misses = new AtomicInteger();

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
            if (fetched == null && misses.incrementAndGet() > MAX_MISSES) {
                return null;
            }
            found = fetched == null ? NONE : fetched;
            known.put(uri, found);
        }
        return found == NONE ? null : (T) found;
    }

    @Override
    public void invalidateCaches() {
        byType.clear();
        misses.set(0);
        super.invalidateCaches();
    }
}
