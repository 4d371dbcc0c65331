package org.hmbd.registry.shared.web;

import org.hmbd.registry.shared.PageResult;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The paging links of a list page: the page shown (from 0), how many there are, the total of items,
 * and the addresses of the previous and next pages (the current request's path and query with
 * {@code page} replaced; null where there is none). Made while the request is handled.
 */
public record Pager(int page, int pages, long total, String previous, String next) {

    public static Pager of(PageResult<?> r) {
        return of(r.page(), r.size(), r.total());
    }

    public static Pager of(int page, int size, long total) {
        int s = Math.max(1, size);
        int pages = (int) Math.max(1, (total + s - 1) / s);
        return new Pager(page, pages, total, page > 0 ? link(page - 1) : null, page + 1 < pages ? link(page + 1) : null);
    }

    private static String link(int page) {
        ServletUriComponentsBuilder b = ServletUriComponentsBuilder.fromCurrentRequest();
        b.replaceQueryParam("lang");
        b.replaceQueryParam("page", page <= 0 ? new Object[0] : new Object[] {page});
        return b.build().toUriString().replaceFirst("^[a-z]+://[^/]+", "");
    }
}
