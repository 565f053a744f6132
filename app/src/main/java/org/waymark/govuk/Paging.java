package org.waymark.govuk;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of a long list, as the GOV.UK pagination component shows it: previous, numbered pages (the first,
 * the last, and those beside the current one, with gaps as ellipses), next. Links keep the list's other query
 * parameters (search, sort) and change only {@code page}.
 */
public record Paging(int page, int size, long total, int pages, String previous, String next, List<Item> items) {

    /** A numbered page, or an ellipsis ({@code href} null, {@code number} 0). */
    public record Item(int number, String href, boolean current) {
        /** The component's modifier class (in Java: a template would read its double underscores as preprocessing). */
        public String modifier() {
            return current ? "govuk-pagination__item--current" : href == null ? "govuk-pagination__item--ellipses" : "";
        }
    }

    /** Page numbers start at 1; anything else (a typo, a negative, a word) reads as the first page. */
    public static int page(String value) {
        try {
            return Math.max(1, Integer.parseInt(value == null ? "1" : value.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public int offset() {
        return (page - 1) * size;
    }

    public boolean needed() {
        return pages > 1;
    }

    /** The first and last row numbers shown ("Showing 26 to 50 of 112"). */
    public long from() {
        return total == 0 ? 0 : (long) (page - 1) * size + 1;
    }

    public long to() {
        return Math.min(total, (long) page * size);
    }

    /** Pages for a request: a page past the end shows the last one. */
    public static Paging of(HttpServletRequest request, int requested, int size, long total) {
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int page = Math.min(Math.max(1, requested), pages);
        var items = new ArrayList<Item>();
        int last = 0;
        for (int n = 1; n <= pages; n++) {
            if (n == 1 || n == pages || Math.abs(n - page) <= 1) {
                if (last != 0 && n - last > 1) {
                    items.add(new Item(0, null, false));
                }
                items.add(new Item(n, href(request, n), n == page));
                last = n;
            }
        }
        return new Paging(page, size, total, pages, page > 1 ? href(request, page - 1) : null,
                page < pages ? href(request, page + 1) : null, List.copyOf(items));
    }

    private static String href(HttpServletRequest request, int page) {
        var builder = UriComponentsBuilder.fromPath(request.getRequestURI());
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("page") && !name.equals("_csrf")) {
                builder.queryParam(name, (Object[]) values);
            }
        });
        return builder.replaceQueryParam("page", page).encode().build().toUriString();
    }
}
