package cn.mee.liaison.bot.directory;

import cn.mee.liaison.bot.directory.ValidDirectory.ChatEntry;
import cn.mee.liaison.bot.directory.ValidDirectory.CityEntry;
import cn.mee.liaison.bot.directory.ValidDirectory.GroupEntry;
import cn.mee.liaison.bot.directory.ValidDirectory.MemberEntry;
import cn.mee.liaison.bot.directory.ValidDirectory.RoundEntry;
import cn.mee.liaison.bot.directory.ValidDirectory.StaffEntry;
import cn.mee.liaison.bot.directory.ValidDirectory.UnitEntry;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.directory.GroupKind;
import cn.mee.liaison.storage.directory.MemberRole;
import cn.mee.liaison.storage.directory.OrgUnit;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;

/**
 * Checks a whole directory document against itself and the organisation already stored, and collects every
 * problem (not only the first), each named by its place in the document or, for an Excel source, its row.
 * References may point to entries of the document or to ones already stored: a document may add a new round's
 * groups without repeating the units and cities.
 */
final class DirectoryValidator {

    private static final int MAX_NAME = 100;
    private static final int MAX_ID = 64;
    private static final int MAX_CHAT_ID = 128;

    private final DirectorySnapshot current;
    private final Map<String, String> rows;
    private final MessageSource messages;
    private final List<DirectoryProblem> problems = new ArrayList<>();

    /**
     * @param rows where each entry came from when the document was read from a workbook ({@code workGroups[3]} →
     *             {@code 「工作组」表第5行}); empty for JSON
     */
    DirectoryValidator(DirectorySnapshot current, Map<String, String> rows, MessageSource messages) {
        this.current = current;
        this.rows = rows;
        this.messages = messages;
    }

    ValidDirectory validate(DirectoryDocument doc) {
        List<UnitEntry> units = units(doc.units());
        Set<String> unitNames = names(units.stream().map(UnitEntry::name), current.units().stream()
                .map(OrgUnit::name));
        List<CityEntry> cities = cities(doc.cities(), unitNames);
        Set<String> cityNames = names(cities.stream().map(CityEntry::name),
                current.cities().stream().map(c -> c.name()));
        List<RoundEntry> rounds = rounds(doc.rounds());
        Set<String> roundNames = names(rounds.stream().map(RoundEntry::name),
                current.rounds().stream().map(r -> r.name()));
        Set<String> chatKeys = new HashSet<>();
        List<GroupEntry> groups = groups(doc.workGroups(), unitNames, cityNames, roundNames, chatKeys);
        List<ChatEntry> bureauChats = chats("bureauChats", doc.bureauChats(), chatKeys);
        List<StaffEntry> staff = staff(doc.bureauStaff());
        if (!problems.isEmpty()) {
            throw new DirectoryRejected(problems);
        }
        return new ValidDirectory(units, cities, rounds, groups, bureauChats, staff);
    }

    private List<UnitEntry> units(List<DirectoryDocument.Unit> units) {
        List<UnitEntry> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < units.size(); i++) {
            String at = "units[" + i + "]";
            DirectoryDocument.Unit unit = units.get(i);
            if (unit == null) {
                problem(at, "empty_entry");
                continue;
            }
            String name = required(at + ".name", "unit_name", unit.name(), MAX_NAME);
            if (name != null && !seen.add(name)) {
                problem(at + ".name", "duplicate_unit", name);
            }
            String coordinatorId = null;
            String coordinatorName = null;
            if (unit.coordinator() != null) {
                coordinatorId = required(at + ".coordinator.userId", "coordinator_user_id", unit.coordinator().userId(),
                        MAX_ID);
                coordinatorName = required(at + ".coordinator.name", "coordinator_name", unit.coordinator().name(),
                        MAX_ID);
            }
            valid.add(new UnitEntry(name, coordinatorId, coordinatorName));
        }
        return valid;
    }

    private List<CityEntry> cities(List<DirectoryDocument.City> cities, Set<String> unitNames) {
        List<CityEntry> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < cities.size(); i++) {
            String at = "cities[" + i + "]";
            DirectoryDocument.City city = cities.get(i);
            if (city == null) {
                problem(at, "empty_entry");
                continue;
            }
            String name = required(at + ".name", "city_name", city.name(), MAX_NAME);
            if (name != null && !seen.add(name)) {
                problem(at + ".name", "duplicate_city", name);
            }
            String lead = knownUnit(at + ".leadUnit", "lead_unit", city.leadUnit(), unitNames, true);
            List<String> coUnits = new ArrayList<>();
            for (int j = 0; j < city.coUnits().size(); j++) {
                String co = knownUnit(at + ".coUnits[" + j + "]", "co_unit", city.coUnits().get(j), unitNames,
                        true);
                if (co == null) {
                    continue;
                }
                if (co.equals(lead)) {
                    problem(at + ".coUnits[" + j + "]", "lead_also_co_unit", co);
                } else if (coUnits.contains(co)) {
                    problem(at + ".coUnits[" + j + "]", "duplicate_co_unit", co);
                } else {
                    coUnits.add(co);
                }
            }
            valid.add(new CityEntry(name, lead, List.copyOf(coUnits)));
        }
        return valid;
    }

    private List<RoundEntry> rounds(List<DirectoryDocument.Round> rounds) {
        List<RoundEntry> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rounds.size(); i++) {
            String at = "rounds[" + i + "]";
            DirectoryDocument.Round round = rounds.get(i);
            if (round == null) {
                problem(at, "empty_entry");
                continue;
            }
            String name = required(at + ".name", "round_name", round.name(), MAX_NAME);
            if (name != null && !seen.add(name)) {
                problem(at + ".name", "duplicate_round", name);
            }
            LocalDate start = date(at + ".start", "start", round.start());
            LocalDate end = date(at + ".end", "end", round.end());
            if (start != null && end != null && end.isBefore(start)) {
                problem(at + ".end", "end_before_start", end, start);
            }
            valid.add(new RoundEntry(name, start, end));
        }
        return valid;
    }

    private List<GroupEntry> groups(List<DirectoryDocument.WorkGroup> groups, Set<String> unitNames,
                                    Set<String> cityNames, Set<String> roundNames, Set<String> chatKeys) {
        List<GroupEntry> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, String> centralGroupOf = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            String at = "workGroups[" + i + "]";
            DirectoryDocument.WorkGroup group = groups.get(i);
            if (group == null) {
                problem(at, "empty_entry");
                continue;
            }
            String name = required(at + ".name", "group_name", group.name(), MAX_NAME);
            String city = known(at + ".city", "city", group.city(), cityNames);
            String unit = knownUnit(at + ".unit", "group_unit", group.unit(), unitNames, true);
            String round = known(at + ".round", "round", group.round(), roundNames);
            GroupKind kind = choice(at + ".kind", "group_kind", group.kind(), GroupKind.class,
                    "group_kind");
            if (name != null && round != null && !seen.add(round + "\u0000" + name)) {
                problem(at + ".name", "duplicate_group", round, name);
            }
            if (kind == GroupKind.CENTRAL && city != null && round != null) {
                String other = centralGroupOf.putIfAbsent(city + "\u0000" + round, name);
                if (other != null) {
                    problem(at + ".kind", "second_central_group", city, round, other);
                }
            }
            List<MemberEntry> members = group.members() == null ? null : members(at, group.members());
            List<ChatEntry> chats = group.chats() == null ? null : chats(at + ".chats", group.chats(), chatKeys);
            valid.add(new GroupEntry(name, city, unit, kind, round, members, chats));
        }
        return valid;
    }

    private List<MemberEntry> members(String groupAt, List<DirectoryDocument.Member> members) {
        List<MemberEntry> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < members.size(); j++) {
            String at = groupAt + ".members[" + j + "]";
            DirectoryDocument.Member member = members.get(j);
            if (member == null) {
                problem(at, "empty_entry");
                continue;
            }
            String userId = required(at + ".userId", "member_user_id", member.userId(), MAX_ID);
            String name = required(at + ".name", "member_name", member.name(), MAX_ID);
            MemberRole role = member.role() == null || member.role().isBlank() ? MemberRole.MEMBER
                    : choice(at + ".role", "member_role", member.role(), MemberRole.class, "member_role");
            if (userId != null && !seen.add(userId)) {
                problem(at + ".userId", "duplicate_member", userId);
            }
            valid.add(new MemberEntry(userId, name, role));
        }
        return valid;
    }

    private List<ChatEntry> chats(String listAt, List<DirectoryDocument.Chat> chats, Set<String> chatKeys) {
        List<ChatEntry> valid = new ArrayList<>();
        for (int j = 0; j < chats.size(); j++) {
            String at = listAt + "[" + j + "]";
            DirectoryDocument.Chat chat = chats.get(j);
            if (chat == null) {
                problem(at, "empty_entry");
                continue;
            }
            Channel channel = choice(at + ".channel", "channel", chat.channel(), Channel.class, "channel");
            String chatId = required(at + ".chatId", "chat_id", chat.chatId(), MAX_CHAT_ID);
            String key = blankToNull(chat.webhookKey());
            if (channel != null && !channel.groupChat()) {
                problem(at + ".channel", "not_a_group_chat_channel", channel, channel.label());
            }
            if (channel == Channel.WECOM_WEBHOOK && key == null) {
                problem(at + ".webhookKey", "webhook_key_missing");
            }
            if (channel != null && channel != Channel.WECOM_WEBHOOK && key != null) {
                problem(at + ".webhookKey", "webhook_key_not_expected");
            }
            if (channel != null && chatId != null && !chatKeys.add(channel + "\u0000" + chatId)) {
                problem(at + ".chatId", "duplicate_chat", channel, chatId);
            }
            String name = blankToNull(chat.name());
            if (name != null && name.length() > MAX_NAME) {
                problem(at + ".name", "chat_name_too_long", MAX_NAME);
            }
            valid.add(new ChatEntry(channel, chatId, key, name));
        }
        return valid;
    }

    private List<StaffEntry> staff(List<DirectoryDocument.Person> staff) {
        List<StaffEntry> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < staff.size(); i++) {
            String at = "bureauStaff[" + i + "]";
            DirectoryDocument.Person person = staff.get(i);
            if (person == null) {
                problem(at, "empty_entry");
                continue;
            }
            String userId = required(at + ".userId", "staff_user_id", person.userId(), MAX_ID);
            String name = required(at + ".name", "staff_name", person.name(), MAX_ID);
            if (userId != null && !seen.add(userId)) {
                problem(at + ".userId", "duplicate_staff", userId);
            }
            valid.add(new StaffEntry(userId, name));
        }
        return valid;
    }

    /** @param field the field as the bundle names it: {@code directory.field.<field>} */
    private String required(String at, String field, String value, int maxLength) {
        String v = blankToNull(value);
        if (v == null) {
            problem(at, "missing", field(field));
            return null;
        }
        if (v.length() > maxLength) {
            problem(at, "too_long", field(field), maxLength);
            return null;
        }
        return v;
    }

    private String known(String at, String field, String value, Set<String> names) {
        String v = required(at, field, value, MAX_NAME);
        if (v != null && !names.contains(v)) {
            problem(at, "unknown", field(field), v);
            return null;
        }
        return v;
    }

    private String knownUnit(String at, String field, String value, Set<String> unitNames, boolean required) {
        if (!required && blankToNull(value) == null) {
            return null;
        }
        return known(at, field, value, unitNames);
    }

    private LocalDate date(String at, String field, String value) {
        String v = required(at, field, value, 20);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problem(at, "invalid_date", field(field), v);
            return null;
        }
    }

    /** @param allowed the values allowed as the bundle names them: {@code directory.allowed.<allowed>} */
    private <E extends Enum<E>> E choice(String at, String field, String value, Class<E> type, String allowed) {
        String v = required(at, field, value, 40);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase());
        } catch (IllegalArgumentException e) {
            problem(at, "invalid_choice", field(field), v, text("directory.allowed." + allowed));
            return null;
        }
    }

    /** A problem of the bundle ({@code directory.problem.<problem>}) at a place in the document. */
    private void problem(String path, String problem, Object... args) {
        problems.add(new DirectoryProblem(locate(path), text("directory.problem." + problem, args)));
    }

    private String field(String field) {
        return text("directory.field." + field);
    }

    /** A text of i18n/messages.properties, its arguments written as they are (a number as 1000, never 1,000). */
    private String text(String key, Object... args) {
        String[] written = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            written[i] = String.valueOf(args[i]);
        }
        return messages.getMessage(key, written, Locale.SIMPLIFIED_CHINESE);
    }

    /** The row an entry came from when there is one, else the path itself. */
    private String locate(String path) {
        String prefix = path;
        while (true) {
            String row = rows.get(prefix);
            if (row != null) {
                return row;
            }
            int cut = Math.max(prefix.lastIndexOf('.'), prefix.lastIndexOf('['));
            if (cut <= 0) {
                return path;
            }
            prefix = prefix.substring(0, cut);
        }
    }

    private static Set<String> names(java.util.stream.Stream<String> inDocument, java.util.stream.Stream<String> stored) {
        return java.util.stream.Stream.concat(inDocument, stored).filter(n -> n != null)
                .collect(Collectors.toSet());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
