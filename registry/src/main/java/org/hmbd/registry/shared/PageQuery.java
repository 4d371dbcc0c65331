package org.hmbd.registry.shared;

/**
 * Zero-based page number and page size, checked once for every list: size 1..200 (default 20),
 * page 0..{@value #MAX_PAGE}, so that the offset always fits (a larger page used to overflow into
 * a negative offset and a server error).
 */
public record PageQuery(int page, int size) {

    public static final int MAX_SIZE = 200;
    public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE;

    public PageQuery {
        if (page < 0 || page > MAX_PAGE) {
            throw DomainException.invalidField("page", "between", 0, MAX_PAGE);
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
