package org.hmbd.registry.standard;

import java.util.List;

/** A node of the standard-system framework tree. */
public record Category(long id, String code, String parentCode, String nameZh, String nameEn, int sortOrder,
                       List<Category> children) {
}
