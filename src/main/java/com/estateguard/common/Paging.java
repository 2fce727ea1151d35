package com.estateguard.common;

import java.util.List;

/** One page of rows plus what a pager needs. */
public record Paging<T>(List<T> rows, int page, int size, long total) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    public static int clampSize(Integer size) {
        return size == null ? 20 : Math.max(1, Math.min(size, 200));
    }

    public static int clampPage(Integer page) {
        return page == null ? 1 : Math.max(1, page);
    }
}
