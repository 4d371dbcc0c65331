package org.hmbd.validator.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.exceptions.FHIRFormatError;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.JsonParser;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.utilities.validation.ValidationMessage;

/**
 * HL7's element-model JSON parser, remembering which structure definition a resource type name
 * resolved to. The stock lookup walks every structure definition of the context, building a URL
 * string for each, on every resource; the context's content is fixed for the life of a parser, so
 * a name found once resolves the same way again. Names not found are not remembered (the parser
 * reports them each time, as before). One instance per thread: not thread-safe.
 */
final class DefinitionCachingJsonParser extends JsonParser {

    private final Map<String, StructureDefinition> byName = new HashMap<>();

    DefinitionCachingJsonParser(IWorkerContext context) {
        super(context);
    }

    @Override
    protected StructureDefinition getDefinition(List<ValidationMessage> errors, int line, int col, String name)
            throws FHIRFormatError {
        StructureDefinition known = name == null ? null : byName.get(name);
        if (known != null) {
            return known;
        }
        StructureDefinition found = super.getDefinition(errors, line, col, name);
        if (found != null) {
            byName.put(name, found);
        }
        return found;
    }
}
