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
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
    private final List<DirectoryProblem> problems = new ArrayList<>();

    /**
     * @param rows where each entry came from when the document was read from a workbook ({@code workGroups[3]} →
     *             {@code 「工作组」表第5行}); empty for JSON
     */
    DirectoryValidator(DirectorySnapshot current, Map<String, String> rows) {
        this.current = current;
        this.rows = rows;
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
                problem(at, "条目为空");
                continue;
            }
            String name = required(at + ".name", "单位名称", unit.name(), MAX_NAME);
            if (name != null && !seen.add(name)) {
                problem(at + ".name", "单位\u201c" + name + "\u201d重复出现");
            }
            String coordinatorId = null;
            String coordinatorName = null;
            if (unit.coordinator() != null) {
                coordinatorId = required(at + ".coordinator.userId", "协调联络员账号", unit.coordinator().userId(),
                        MAX_ID);
                coordinatorName = required(at + ".coordinator.name", "协调联络员姓名", unit.coordinator().name(),
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
                problem(at, "条目为空");
                continue;
            }
            String name = required(at + ".name", "城市名称", city.name(), MAX_NAME);
            if (name != null && !seen.add(name)) {
                problem(at + ".name", "城市\u201c" + name + "\u201d重复出现");
            }
            String lead = knownUnit(at + ".leadUnit", "牵头负责单位", city.leadUnit(), unitNames, true);
            List<String> coUnits = new ArrayList<>();
            for (int j = 0; j < city.coUnits().size(); j++) {
                String co = knownUnit(at + ".coUnits[" + j + "]", "共同负责单位", city.coUnits().get(j), unitNames,
                        true);
                if (co == null) {
                    continue;
                }
                if (co.equals(lead)) {
                    problem(at + ".coUnits[" + j + "]", "单位\u201c" + co + "\u201d已是牵头负责单位，不能同时是共同负责单位");
                } else if (coUnits.contains(co)) {
                    problem(at + ".coUnits[" + j + "]", "共同负责单位\u201c" + co + "\u201d重复出现");
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
                problem(at, "条目为空");
                continue;
            }
            String name = required(at + ".name", "轮次名称", round.name(), MAX_NAME);
            if (name != null && !seen.add(name)) {
                problem(at + ".name", "轮次\u201c" + name + "\u201d重复出现");
            }
            LocalDate start = date(at + ".start", "开始日期", round.start());
            LocalDate end = date(at + ".end", "结束日期", round.end());
            if (start != null && end != null && end.isBefore(start)) {
                problem(at + ".end", "结束日期 " + end + " 早于开始日期 " + start);
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
                problem(at, "条目为空");
                continue;
            }
            String name = required(at + ".name", "工作组名称", group.name(), MAX_NAME);
            String city = known(at + ".city", "城市", group.city(), cityNames);
            String unit = knownUnit(at + ".unit", "包保单位", group.unit(), unitNames, true);
            String round = known(at + ".round", "轮次", group.round(), roundNames);
            GroupKind kind = choice(at + ".kind", "工作组类型", group.kind(), GroupKind.class,
                    "CENTRAL（中心组）、ORDINARY（普通组）或 SPECIAL（特别组）");
            if (name != null && round != null && !seen.add(round + "\u0000" + name)) {
                problem(at + ".name", "轮次\u201c" + round + "\u201d中已有名为\u201c" + name + "\u201d的工作组");
            }
            if (kind == GroupKind.CENTRAL && city != null && round != null) {
                String other = centralGroupOf.putIfAbsent(city + "\u0000" + round, name);
                if (other != null) {
                    problem(at + ".kind", city + "在" + round + "已有中心组\u201c" + other + "\u201d，每个城市每轮只设一个中心组");
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
                problem(at, "条目为空");
                continue;
            }
            String userId = required(at + ".userId", "成员账号", member.userId(), MAX_ID);
            String name = required(at + ".name", "成员姓名", member.name(), MAX_ID);
            MemberRole role = member.role() == null || member.role().isBlank() ? MemberRole.MEMBER
                    : choice(at + ".role", "角色", member.role(), MemberRole.class, "LEADER（组长）或 MEMBER（组员）");
            if (userId != null && !seen.add(userId)) {
                problem(at + ".userId", "成员账号\u201c" + userId + "\u201d在本组重复出现");
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
                problem(at, "条目为空");
                continue;
            }
            Channel channel = choice(at + ".channel", "渠道", chat.channel(), Channel.class,
                    "SANDBOX、WECOM_ROBOT、WECOM_APPCHAT、WECOM_WEBHOOK 或 WECHATY");
            String chatId = required(at + ".chatId", "群ID", chat.chatId(), MAX_CHAT_ID);
            String key = blankToNull(chat.webhookKey());
            if (channel != null && !channel.groupChat()) {
                problem(at + ".channel", channel + "（" + channel.label() + "）不是群聊渠道，不能绑定为群聊");
            }
            if (channel == Channel.WECOM_WEBHOOK && key == null) {
                problem(at + ".webhookKey", "WECOM_WEBHOOK 群聊必须填写 webhookKey");
            }
            if (channel != null && channel != Channel.WECOM_WEBHOOK && key != null) {
                problem(at + ".webhookKey", "只有 WECOM_WEBHOOK 群聊才填写 webhookKey");
            }
            if (channel != null && chatId != null && !chatKeys.add(channel + "\u0000" + chatId)) {
                problem(at + ".chatId", "群聊 " + channel + "/" + chatId + " 在文件中出现了不止一次");
            }
            String name = blankToNull(chat.name());
            if (name != null && name.length() > MAX_NAME) {
                problem(at + ".name", "群名称超过 " + MAX_NAME + " 个字");
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
                problem(at, "条目为空");
                continue;
            }
            String userId = required(at + ".userId", "账号", person.userId(), MAX_ID);
            String name = required(at + ".name", "姓名", person.name(), MAX_ID);
            if (userId != null && !seen.add(userId)) {
                problem(at + ".userId", "执法局人员账号\u201c" + userId + "\u201d重复出现");
            }
            valid.add(new StaffEntry(userId, name));
        }
        return valid;
    }

    private String required(String at, String what, String value, int maxLength) {
        String v = blankToNull(value);
        if (v == null) {
            problem(at, "缺少" + what);
            return null;
        }
        if (v.length() > maxLength) {
            problem(at, what + "超过 " + maxLength + " 个字符");
            return null;
        }
        return v;
    }

    private String known(String at, String what, String value, Set<String> names) {
        String v = required(at, what, value, MAX_NAME);
        if (v != null && !names.contains(v)) {
            problem(at, what + "\u201c" + v + "\u201d不存在（本文件和现有组织架构中都没有）");
            return null;
        }
        return v;
    }

    private String knownUnit(String at, String what, String value, Set<String> unitNames, boolean required) {
        if (!required && blankToNull(value) == null) {
            return null;
        }
        return known(at, what, value, unitNames);
    }

    private LocalDate date(String at, String what, String value) {
        String v = required(at, what, value, 20);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problem(at, what + "\u201c" + v + "\u201d不是有效日期，应为 YYYY-MM-DD 格式，例如 2026-11-01");
            return null;
        }
    }

    private <E extends Enum<E>> E choice(String at, String what, String value, Class<E> type, String allowed) {
        String v = required(at, what, value, 40);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase());
        } catch (IllegalArgumentException e) {
            problem(at, what + "\u201c" + v + "\u201d无效，应为 " + allowed);
            return null;
        }
    }

    private void problem(String path, String message) {
        problems.add(new DirectoryProblem(locate(path), message));
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
