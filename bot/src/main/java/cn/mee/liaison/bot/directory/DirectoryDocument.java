package cn.mee.liaison.bot.directory;

import java.util.List;

/**
 * The organisation as one document: the body of {@code PUT /api/v1/directory} and what an Excel workbook is read into.
 * Everything is kept as text exactly as the user wrote it; {@link DirectoryValidator} turns it into typed values and
 * names the entry at fault with its path ({@code workGroups[3].members[1]}), which an Excel source maps to a row.
 */
public record DirectoryDocument(
        List<Unit> units,
        List<City> cities,
        List<Round> rounds,
        List<WorkGroup> workGroups,
        List<Chat> bureauChats,
        List<Person> bureauStaff) {

    public DirectoryDocument {
        units = orEmpty(units);
        cities = orEmpty(cities);
        rounds = orEmpty(rounds);
        workGroups = orEmpty(workGroups);
        bureauChats = orEmpty(bureauChats);
        bureauStaff = orEmpty(bureauStaff);
    }

    /** A person known by the chat platform's user id. */
    public record Person(String userId, String name) {
    }

    /** 包保单位 with its one 协调联络员 (第十一条(二)). */
    public record Unit(String name, Person coordinator) {
    }

    /** A supervised city with its 牵头负责单位 and 共同负责单位 (第三条). */
    public record City(String name, String leadUnit, List<String> coUnits) {
        public City {
            coUnits = orEmpty(coUnits);
        }
    }

    /** 轮次; dates as {@code YYYY-MM-DD}. */
    public record Round(String name, String start, String end) {
    }

    /**
     * kind is CENTRAL, ORDINARY or SPECIAL. The members and chats listed replace the group's current ones;
     * {@code null} (the key left out) keeps them as they are.
     */
    public record WorkGroup(String name, String city, String unit, String kind, String round,
                            List<Member> members, List<Chat> chats) {
    }

    /** role is LEADER or MEMBER. */
    public record Member(String userId, String name, String role) {
    }

    /** channel is one of {@link cn.mee.liaison.storage.directory.Channel}; webhookKey only for WECOM_WEBHOOK. */
    public record Chat(String channel, String chatId, String webhookKey, String name) {
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
