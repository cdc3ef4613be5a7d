package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.storage.directory.GroupKind;
import java.time.LocalDate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a console page of the dispatch shows: a day or a range, and the filters by city, unit and group kind (names
 * as in the directory, as the API takes them).
 */
record BoardQuery(LocalDate from, LocalDate to, String city, String unit, GroupKind kind) {

    BoardFilter filter() {
        return new BoardFilter(city, unit, kind);
    }

    /** The filters (without the days) as a query string, to carry them into links: {@code city=…&kind=…}. */
    String filters() {
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
        add(uri, "city", city);
        add(uri, "unit", unit);
        add(uri, "kind", kind == null ? null : kind.name());
        String query = uri.encode().build().getQuery();
        return query == null ? "" : query;
    }

    /** A link to a page of the dispatch for a day, with these filters. */
    String dayLink(String path, LocalDate day) {
        String filters = filters();
        return path + "?date=" + day + (filters.isEmpty() ? "" : "&" + filters);
    }

    /** A link for a range, with these filters. */
    String rangeLink(String path, LocalDate start, LocalDate end) {
        String filters = filters();
        return path + "?from=" + start + "&to=" + end + (filters.isEmpty() ? "" : "&" + filters);
    }

    private static void add(UriComponentsBuilder uri, String name, String value) {
        if (value != null && !value.isBlank()) {
            uri.queryParam(name, value);
        }
    }
}
