package org.hmbd.registry.standard;

import org.hmbd.registry.StatusChecks;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hmbd.registry.standard.EditionStatus.*;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class EditionLifecycleTest {

    /** The expected lifecycle, written out independently of the implementation's table. */
    private static final Map<EditionStatus, Set<EditionStatus>> BY_REQUEST = Map.of(
            DRAFTING, Set.of(PUBLIC_COMMENT, WITHDRAWN),
            PUBLIC_COMMENT, Set.of(DRAFTING, EXPERT_REVIEW, WITHDRAWN),
            EXPERT_REVIEW, Set.of(DRAFTING, APPROVED, WITHDRAWN),
            APPROVED, Set.of(EXPERT_REVIEW, PUBLISHED, WITHDRAWN),
            PUBLISHED, Set.of(ABOLISHED),
            SUPERSEDED, Set.of(),
            ABOLISHED, Set.of(),
            WITHDRAWN, Set.of());

    static Stream<Arguments> everyPair() {
        return Arrays.stream(EditionStatus.values())
                .flatMap(from -> Arrays.stream(EditionStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void allowsExactlyTheDocumentedMovesOnRequest(EditionStatus from, EditionStatus to) {
        if (BY_REQUEST.get(from).contains(to)) {
            Lifecycle.Move<EditionStatus, Party> t = EditionLifecycle.check(from, to, false);
            assertThat(t.from()).isEqualTo(from);
            assertThat(t.to()).isEqualTo(to);
            assertThat(t.party()).isNotEqualTo(Party.SYSTEM);
        } else {
            assertThatThrownBy(() -> EditionLifecycle.check(from, to, false))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
                        assertThat(e.properties().get("allowedTransitions")).isEqualTo(
                                EditionLifecycle.allowedTargets(from).stream().map(Enum::name).toList());
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(EditionStatus.class)
    void namesTheAllowedTargetsOfEveryState(EditionStatus from) {
        assertThat(EditionLifecycle.allowedTargets(from)).containsExactlyInAnyOrderElementsOf(BY_REQUEST.get(from));
    }

    @ParameterizedTest
    @EnumSource(EditionStatus.class)
    void terminalStatesAllowNoRequestedMove(EditionStatus state) {
        boolean terminal = state == SUPERSEDED || state == ABOLISHED || state == WITHDRAWN;
        assertThat(EditionLifecycle.allowedTargets(state).isEmpty()).isEqualTo(terminal);
    }

    @Test
    void supersessionIsReservedToTheSystem() {
        assertThatThrownBy(() -> EditionLifecycle.check(PUBLISHED, SUPERSEDED, false))
                .isInstanceOf(DomainException.class);
        assertThat(EditionLifecycle.check(PUBLISHED, SUPERSEDED, true).party()).isEqualTo(Party.SYSTEM);
    }

    @Test
    void theSystemCannotMakeAPersonsMove() {
        assertThatThrownBy(() -> EditionLifecycle.check(APPROVED, PUBLISHED, true))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void backMovesWithdrawalAndAbolitionNeedAReason() {
        List<Lifecycle.Move<EditionStatus, Party>> needingReason = EditionLifecycle.all().stream()
                .filter(Lifecycle.Move::reasonRequired).toList();
        assertThat(needingReason).allSatisfy(t -> assertThat(
                t.to() == DRAFTING || t.to() == WITHDRAWN || t.to() == ABOLISHED || t.to() == SUPERSEDED
                        || (t.from() == APPROVED && t.to() == EXPERT_REVIEW)).isTrue());
        assertThat(EditionLifecycle.find(EXPERT_REVIEW, DRAFTING).orElseThrow().reasonRequired()).isTrue();
        assertThat(EditionLifecycle.find(PUBLISHED, ABOLISHED).orElseThrow().reasonRequired()).isTrue();
        assertThat(EditionLifecycle.find(DRAFTING, PUBLIC_COMMENT).orElseThrow().reasonRequired()).isFalse();
    }

    @Test
    void eachMoveBelongsToItsParty() {
        assertThat(EditionLifecycle.find(DRAFTING, PUBLIC_COMMENT).orElseThrow().party())
                .isEqualTo(Party.WORKING_GROUP_LEAD);
        assertThat(EditionLifecycle.find(EXPERT_REVIEW, APPROVED).orElseThrow().party()).isEqualTo(Party.EXPERT);
        assertThat(EditionLifecycle.find(APPROVED, PUBLISHED).orElseThrow().party()).isEqualTo(Party.STANDARDS_ADMIN);
        assertThat(EditionLifecycle.find(PUBLISHED, ABOLISHED).orElseThrow().party())
                .isEqualTo(Party.STANDARDS_ADMIN);
    }

    @Test
    void rejectsAnUnknownTargetNamingTheField() {
        assertThatThrownBy(() -> EditionLifecycle.parse("PUBLISH"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.properties()).containsEntry("field", "to"));
    }

    @Test
    void theDatabaseAcceptsExactlyTheseStates() {
        assertThat(StatusChecks.allowedBy("edition_status_ck")).isEqualTo(StatusChecks.names(EditionStatus.values()));
        assertThat(StatusChecks.allowedBy("edition_transition_status_ck")).isEqualTo(StatusChecks.names(EditionStatus.values()));
    }
}
