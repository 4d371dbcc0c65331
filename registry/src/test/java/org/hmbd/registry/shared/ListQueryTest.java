package org.hmbd.registry.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ListQueryTest {

    @Test
    void aFilterNotGivenAddsNoCondition() {
        ListQuery q = ListQuery.filter().and("r.edition_id = :editionId", null).and("r.status = :status", "QUEUED");
        assertThat(q.where()).isEqualTo(" where (r.status = :status)");
        assertThat(q.params()).isEqualTo(Map.of("status", "QUEUED"));
    }

    @Test
    void noConditionsMeansNoWhereClause() {
        assertThat(ListQuery.filter().where()).isEmpty();
    }

    @Test
    void conditionsAreJoinedWithAndEachInParentheses() {
        ListQuery q = ListQuery.filter().and("a = :a or b = :a", 1).and("false");
        assertThat(q.where()).isEqualTo(" where (a = :a or b = :a) and (false)");
    }

    @Test
    void aCastIsNotAParameter() {
        assertThat(ListQuery.names("scores = :scores::jsonb and x = cast(:y as int)")).containsExactly("scores", "y");
        assertThat(ListQuery.names("select least(9, floor(score / 10))::int")).isEmpty();
    }

    @Test
    void aConditionMustBindEveryParameterItNames() {
        assertThatThrownBy(() -> ListQuery.filter().and("a = :a and b = :b", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ListQuery.filter().andAll("a = :a and b = :b", Map.of("a", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneNameCannotBeBoundToTwoValues() {
        assertThatThrownBy(() -> ListQuery.filter().and("a = :x", 1).and("b = :x", 2))
                .isInstanceOf(IllegalArgumentException.class);
        // the same value twice is one parameter used twice
        assertThat(ListQuery.filter().and("a = :x", 1).and("b = :x", 1).params()).isEqualTo(Map.of("x", 1));
    }

    @Test
    void likePatternsEscapeWildcardsAndIgnoreBlankText() {
        assertThat(ListQuery.containing(" 50%_a\\b ")).isEqualTo("%50\\%\\_a\\\\b%");
        assertThat(ListQuery.startingWith("conformance-run/")).isEqualTo("conformance-run/%");
        assertThat(ListQuery.containing("  ")).isNull();
        assertThat(ListQuery.given(null)).isNull();
    }
}
