package org.hmbd.registry.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The conditions of a list query with named parameters, and the page of it: the filter-and-page
 * pattern written once. Conditions are joined with {@code and}; a filter left empty by the caller
 * ({@code null}) adds no condition. Page bounds are those of {@link PageQuery}.
 *
 * <pre>{@code
 * ListQuery.filter()
 *         .and("r.edition_id = :editionId", editionId)      // skipped when editionId is null
 *         .and("r.status = :status", status)
 *         .page(jdbc, SELECT, COUNT, "order by r.id desc", page, this::map);
 * }</pre>
 */
public final class ListQuery {

    /** A named parameter, not a PostgreSQL cast ({@code ::jsonb}). */
    private static final Pattern NAMED = Pattern.compile("(?<![:\\w]):([A-Za-z]\\w*)");

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    private ListQuery() {
    }

    public static ListQuery filter() {
        return new ListQuery();
    }

    /**
     * Adds a condition with one named parameter bound to {@code value}; nothing when {@code value}
     * is null (the filter was not given).
     */
    public ListQuery and(String condition, Object value) {
        if (value == null) {
            return this;
        }
        List<String> names = names(condition);
        if (names.size() != 1) {
            throw new IllegalArgumentException("expected one named parameter in: " + condition);
        }
        return bind(condition, Map.of(names.get(0), value));
    }

    /** Adds a condition with any number of named parameters (none for a fixed condition). */
    public ListQuery andAll(String condition, Map<String, ?> values) {
        if (!values.keySet().containsAll(names(condition))) {
            throw new IllegalArgumentException("unbound parameter in: " + condition);
        }
        return bind(condition, values);
    }

    /** Adds a fixed condition without parameters. */
    public ListQuery and(String condition) {
        return andAll(condition, Map.of());
    }

    private ListQuery bind(String condition, Map<String, ?> values) {
        for (var e : values.entrySet()) {
            Object previous = params.putIfAbsent(e.getKey(), e.getValue());
            if (previous != null && !previous.equals(e.getValue())) {
                throw new IllegalArgumentException("parameter :" + e.getKey() + " bound twice");
            }
        }
        conditions.add("(" + condition + ")");
        return this;
    }

    /** {@code " where a and b"}, or empty without conditions. */
    public String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    public Map<String, Object> params() {
        return Map.copyOf(params);
    }

    /** Every matching row, in order. */
    public <T> List<T> list(JdbcClient jdbc, String select, String orderBy, RowMapper<T> mapper) {
        return jdbc.sql(select + where() + " " + orderBy).params(params).query(mapper).list();
    }

    /**
     * Every matching row, in order, handed over one by one (with a client built on a fetch size and
     * inside a transaction, PostgreSQL sends them in batches instead of all at once).
     */
    public void stream(JdbcClient jdbc, String select, String orderBy,
                       org.springframework.jdbc.core.RowCallbackHandler handler) {
        jdbc.sql(select + where() + " " + orderBy).params(params).query(handler);
    }

    /**
     * One page of the matching rows and the number of all of them.
     *
     * @param select the select and its from clause, without {@code where}
     * @param count the {@code select count(*) from ...} with the same from clause
     * @param orderBy the order of the page, e.g. {@code order by r.id desc} (make it total: end with a key)
     */
    public <T> PageResult<T> page(JdbcClient jdbc, String select, String count, String orderBy, PageQuery page,
                                  RowMapper<T> mapper) {
        long total = jdbc.sql(count + where()).params(params).query(Long.class).single();
        Map<String, Object> p = new HashMap<>(params);
        p.put("pageLimit", page.size());
        p.put("pageOffset", page.offset());
        List<T> items = jdbc.sql(select + where() + " " + orderBy + " limit :pageLimit offset :pageOffset")
                .params(p).query(mapper).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** A filter's text stripped, or null when it was not given or blank. */
    public static String given(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The {@code like} pattern of a text contained anywhere (wildcards in it escaped), or null when blank. */
    public static String containing(String text) {
        String t = given(text);
        return t == null ? null : "%" + escapeLike(t) + "%";
    }

    /** The {@code like} pattern of a prefix (wildcards in it escaped), or null when blank. */
    public static String startingWith(String prefix) {
        String t = given(prefix);
        return t == null ? null : escapeLike(t) + "%";
    }

    public static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static List<String> names(String sql) {
        List<String> names = new ArrayList<>();
        Matcher m = NAMED.matcher(sql);
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
