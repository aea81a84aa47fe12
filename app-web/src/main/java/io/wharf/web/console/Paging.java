package io.wharf.web.console;

import io.wharf.web.application.Page;
import io.wharf.web.application.PageRequest;

/** The console's paging: 20 rows a page, pages numbered from 1 in the {@code page} parameter. */
public record Paging(int page, int pages, long total) {
    static final int SIZE = 20;

    static PageRequest request(ConsoleRequest console) {
        return new PageRequest((Math.max(1, console.intParam("page", 1)) - 1) * SIZE, SIZE);
    }

    static Paging of(PageRequest request, Page<?> page) {
        int pages = (int) Math.max(1, (page.total() + SIZE - 1) / SIZE);
        return new Paging(request.offset() / SIZE + 1, pages, page.total());
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
