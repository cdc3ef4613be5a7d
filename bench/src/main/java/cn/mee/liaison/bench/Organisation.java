package cn.mee.liaison.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A directory document of {@code groups} ordinary work groups in one running round, spread over the cities and
 * units of {@link Texts}, each with a leader, a member and one chat on the given channel.
 */
final class Organisation {

    static final String ROUND = "2026年第4轮";

    private Organisation() {
    }

    static String chatId(String channel, int group) {
        return "bench-" + channel.toLowerCase() + "-" + group;
    }

    static String leader(int group) {
        return "bench-leader-" + group;
    }

    static String member(int group) {
        return "bench-member-" + group;
    }

    static String city(int group) {
        return Texts.CITIES.get(group % Texts.CITIES.size());
    }

    static String groupName(int group) {
        return city(group) + "第" + (group / Texts.CITIES.size() + 1) + "组";
    }

    static Map<String, Object> document(int groups, String channel, List<Map<String, Object>> bureauChats) {
        List<Map<String, Object>> units = new ArrayList<>();
        for (int u = 0; u < Texts.UNITS.size(); u++) {
            units.add(Map.of("name", Texts.UNITS.get(u), "coordinator",
                    Map.of("userId", "bench-coordinator-" + u, "name", "协调员" + u)));
        }
        List<Map<String, Object>> cities = new ArrayList<>();
        for (int c = 0; c < Texts.CITIES.size(); c++) {
            cities.add(Map.of("name", Texts.CITIES.get(c), "leadUnit", Texts.UNITS.get(c % Texts.UNITS.size())));
        }
        List<Map<String, Object>> workGroups = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("name", groupName(g));
            group.put("city", city(g));
            group.put("unit", Texts.UNITS.get(g % Texts.UNITS.size()));
            group.put("kind", "ORDINARY");
            group.put("round", ROUND);
            group.put("members", List.of(Map.of("userId", leader(g), "name", "组长" + g, "role", "LEADER"),
                    Map.of("userId", member(g), "name", "组员" + g, "role", "MEMBER")));
            group.put("chats", List.of(Map.of("channel", channel, "chatId", chatId(channel, g))));
            workGroups.add(group);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("units", units);
        doc.put("cities", cities);
        // a year back and two months ahead: running today, and on every day of the dispatch board's year of reports
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        doc.put("rounds", List.of(Map.of("name", ROUND, "start", today.minusDays(400).toString(), "end",
                today.plusDays(60).toString())));
        doc.put("workGroups", workGroups);
        doc.put("bureauChats", bureauChats);
        doc.put("bureauStaff", List.of());
        return doc;
    }
}
