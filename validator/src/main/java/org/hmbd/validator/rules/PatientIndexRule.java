package org.hmbd.validator.rules;

/** Feeds the {@link PatientIndex}; runs before every other rule on each resource. */
final class PatientIndexRule implements Rule {

    private final PatientIndex index;

    PatientIndexRule(PatientIndex index) {
        this.index = index;
    }

    @Override
    public String id() {
        return "HMBD-PATIENT-INDEX";
    }

    @Override
    public void check(ResourceView r, RuleContext ctx) {
        if ("Patient".equals(r.resourceType())) {
            index.add(r);
        }
    }
}
