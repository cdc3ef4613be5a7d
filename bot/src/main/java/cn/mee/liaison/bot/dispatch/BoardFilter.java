package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.security.Viewer;
import cn.mee.liaison.storage.directory.GroupKind;
import java.util.function.Predicate;

/**
 * Which rows of a board someone looks at: by city, unit and group kind (names as in the directory), within what the
 * viewer may see (a unit coordinator: the own unit's groups).
 */
public record BoardFilter(String city, String unit, GroupKind kind) implements Predicate<BoardRow> {

    public static BoardFilter none() {
        return new BoardFilter(null, null, null);
    }

    @Override
    public boolean test(BoardRow row) {
        return (blank(city) || city.equals(row.city()))
                && (blank(unit) || unit.equals(row.unit()))
                && (kind == null || kind == row.group().kind());
    }

    public Predicate<BoardRow> within(Viewer viewer) {
        return and(row -> viewer.seesUnit(row.group().unitId()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
