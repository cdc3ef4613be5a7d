package cn.mee.liaison.bot.notice;

import java.util.List;

/**
 * Whom a notice goes to (contract): {@code {"all": true}}, or work groups chosen by city, responsible unit, group
 * kind (CENTRAL / ORDINARY / SPECIAL) and round — several lists narrow each other, the names in one list add up —
 * plus single chats by id (a group's or a bureau chat). Without rounds, the groups of the rounds running on the day
 * the notice goes out.
 */
public record NoticeTargets(Boolean all, List<String> cities, List<String> units, List<String> kinds,
                            List<String> rounds, List<String> chatIds) {

    public NoticeTargets {
        cities = orEmpty(cities);
        units = orEmpty(units);
        kinds = orEmpty(kinds);
        rounds = orEmpty(rounds);
        chatIds = orEmpty(chatIds);
    }

    public static NoticeTargets everyone() {
        return new NoticeTargets(true, null, null, null, null, null);
    }

    public boolean everyGroup() {
        return Boolean.TRUE.equals(all);
    }

    /** Whether any group is selected (as opposed to single chats only). */
    public boolean selectsGroups() {
        return everyGroup() || !cities.isEmpty() || !units.isEmpty() || !kinds.isEmpty() || !rounds.isEmpty();
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list.stream().filter(s -> s != null && !s.isBlank()).map(String::strip)
                .toList();
    }
}
