package org.hmbd.registry.standard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Role;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.Text;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The standard-system framework: a category tree, seeded at install, edited by the national administration. */
@Service
public class Categories {

    private final JdbcClient jdbc;

    Categories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record CategoryRequest(String code, String parentCode, String nameZh, String nameEn, Integer sortOrder) {
    }

    private record Row(long id, String code, Long parentId, String nameZh, String nameEn, int sortOrder) {
    }

    /** The whole tree, roots first, children in their sort order. */
    public List<Category> tree() {
        List<Row> rows = jdbc.sql("select id, code, parent_id, name_zh, name_en, sort_order from category "
                        + "order by sort_order, id")
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6)))
                .list();
        Map<Long, Row> byId = new LinkedHashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        return children(null, rows, byId);
    }

    private List<Category> children(Long parentId, List<Row> rows, Map<Long, Row> byId) {
        List<Category> result = new ArrayList<>();
        for (Row r : rows) {
            if (java.util.Objects.equals(r.parentId(), parentId)) {
                String parentCode = r.parentId() == null ? null : byId.get(r.parentId()).code();
                result.add(new Category(r.id(), r.code(), parentCode, r.nameZh(), r.nameEn(), r.sortOrder(),
                        children(r.id(), rows, byId)));
            }
        }
        return result;
    }

    public Category get(String code) {
        return find(tree(), code).orElseThrow(() -> DomainException.notFound("category", code));
    }

    private static java.util.Optional<Category> find(List<Category> nodes, String code) {
        for (Category c : nodes) {
            if (c.code().equals(code)) {
                return java.util.Optional.of(c);
            }
            var inChild = find(c.children(), code);
            if (inChild.isPresent()) {
                return inChild;
            }
        }
        return java.util.Optional.empty();
    }

    /** The id of a category by its code, or a 400 naming {@code field}. */
    public long idOf(String field, String code) {
        Text.required(field, code, 40);
        return jdbc.sql("select id from category where code = ?").param(code.strip()).query(Long.class).optional()
                .orElseThrow(() -> DomainException.invalidField(field, "unknown-category", code));
    }

    public String codeOf(long id) {
        return jdbc.sql("select code from category where id = ?").param(id).query(String.class).single();
    }

    @Transactional
    public Category create(Actor actor, CategoryRequest req) {
        actor.require(Role.STANDARDS_ADMIN);
        String code = Text.required("code", req.code(), 40);
        if (!code.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw DomainException.invalidField("code", "category-code-format");
        }
        Long parentId = req.parentCode() == null || req.parentCode().isBlank() ? null
                : idOf("parentCode", req.parentCode());
        try {
            jdbc.sql("insert into category (code, parent_id, name_zh, name_en, sort_order) values (?, ?, ?, ?, ?)")
                    .params(code, parentId, Text.required("nameZh", req.nameZh(), 100),
                            Text.required("nameEn", req.nameEn(), 100), req.sortOrder() == null ? 0 : req.sortOrder())
                    .update();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("category-exists", code);
        }
        return get(code);
    }

    /** Renames or reorders a category; moving it under another parent must not create a cycle. */
    @Transactional
    public Category update(Actor actor, String code, CategoryRequest req) {
        actor.require(Role.STANDARDS_ADMIN);
        long id = jdbc.sql("select id from category where code = ?").param(code).query(Long.class).optional()
                .orElseThrow(() -> DomainException.notFound("category", code));
        Long parentId = req.parentCode() == null || req.parentCode().isBlank() ? null
                : idOf("parentCode", req.parentCode());
        for (Long p = parentId; p != null;
             p = jdbc.sql("select parent_id from category where id = ?").param(p).query(Long.class).optional()
                     .orElse(null)) {
            if (p == id) {
                throw DomainException.invalidField("parentCode", "category-cycle");
            }
        }
        jdbc.sql("update category set parent_id = ?, name_zh = ?, name_en = ?, sort_order = ? where id = ?")
                .params(parentId, Text.required("nameZh", req.nameZh(), 100), Text.required("nameEn", req.nameEn(), 100),
                        req.sortOrder() == null ? 0 : req.sortOrder(), id)
                .update();
        return get(code);
    }
}
