package org.hmbd.registry.shared;

/** Zero-based page number and page size, checked: size 1..200, default 20. */
public record PageQuery(int page, int size) {

    public static final int MAX_SIZE = 200;

    public PageQuery {
        if (page < 0) {
            throw DomainException.invalidField("page", "min", 0);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw DomainException.invalidField("size", "between", 1, MAX_SIZE);
        }
    }

    public static PageQuery of(Integer page, Integer size) {
        return new PageQuery(page == null ? 0 : page, size == null ? 20 : size);
    }

    public int offset() {
        return page * size;
    }
}
