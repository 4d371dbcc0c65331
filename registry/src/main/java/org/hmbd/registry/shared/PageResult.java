package org.hmbd.registry.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, the zero-based page number, the page size and the total count. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public <R> PageResult<R> map(Function<T, R> f) {
        return new PageResult<>(items.stream().map(f).toList(), page, size, total);
    }
}
