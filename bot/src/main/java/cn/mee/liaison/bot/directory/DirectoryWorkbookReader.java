package cn.mee.liaison.bot.directory;

import cn.mee.liaison.bot.directory.DirectoryDocument.Chat;
import cn.mee.liaison.bot.directory.DirectoryDocument.City;
import cn.mee.liaison.bot.directory.DirectoryDocument.Member;
import cn.mee.liaison.bot.directory.DirectoryDocument.Person;
import cn.mee.liaison.bot.directory.DirectoryDocument.Round;
import cn.mee.liaison.bot.directory.DirectoryDocument.Unit;
import cn.mee.liaison.bot.directory.DirectoryDocument.WorkGroup;
import org.apache.poi.ss.usermodel.Workbook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static cn.mee.liaison.bot.directory.DirectorySheet.BUREAU_STAFF;
import static cn.mee.liaison.bot.directory.DirectorySheet.CHATS;
import static cn.mee.liaison.bot.directory.DirectorySheet.CITIES;
import static cn.mee.liaison.bot.directory.DirectorySheet.MEMBERS;
import static cn.mee.liaison.bot.directory.DirectorySheet.ROUNDS;
import static cn.mee.liaison.bot.directory.DirectorySheet.UNITS;
import static cn.mee.liaison.bot.directory.DirectorySheet.WORK_GROUPS;

/**
 * Reads one opened directory workbook into a document and the row each entry came from. Collects every problem
 * that makes the workbook unreadable as such and refuses it with all of them at once; whether the content makes
 * sense (known units, one leader, valid dates) is the validator's business.
 */
final class DirectoryWorkbookReader {

    private final SheetRows sheets;
    private final List<DirectoryProblem> problems = new ArrayList<>();
    private final Map<String, String> locations = new LinkedHashMap<>();
    /** The work groups read, or {@code null} when the 工作组 sheet could not be read. */
    private List<GroupDraft> groups;

    DirectoryWorkbookReader(Workbook workbook) {
        this.sheets = new SheetRows(workbook, problems);
    }

    DirectoryWorkbook.ReadResult read() {
        List<Unit> units = entries(UNITS, "units", row -> new Unit(row.text("单位名称"),
                person(row.text("协调联络员账号"), row.text("协调联络员姓名"))));
        List<City> cities = entries(CITIES, "cities", row -> new City(row.text("城市"), row.text("牵头负责单位"),
                unitNames(row.text("共同负责单位"))));
        List<Round> rounds = entries(ROUNDS, "rounds", row -> new Round(row.text("轮次名称"),
                DateText.iso(row.text("开始日期")), DateText.iso(row.text("结束日期"))));
        groups = sheets.of(WORK_GROUPS).map(this::groups).orElse(null);
        sheets.of(MEMBERS).ifPresent(this::attachMembers);
        List<Chat> bureauChats = sheets.of(CHATS).map(this::chats).orElse(List.of());
        List<Person> staff = entries(BUREAU_STAFF, "bureauStaff",
                row -> new Person(row.text("账号"), row.text("姓名")));
        if (!problems.isEmpty()) {
            throw new DirectoryRejected(problems);
        }
        List<WorkGroup> workGroups = groups.stream().map(GroupDraft::toWorkGroup).toList();
        return new DirectoryWorkbook.ReadResult(
                new DirectoryDocument(units, cities, rounds, workGroups, bureauChats, staff), locations);
    }

    private <T> List<T> entries(DirectorySheet sheet, String path, Function<SheetRow, T> entry) {
        List<T> entries = new ArrayList<>();
        for (SheetRow row : sheets.of(sheet).orElse(List.of())) {
            locations.put(path + "[" + entries.size() + "]", row.location());
            entries.add(entry.apply(row));
        }
        return entries;
    }

    private List<GroupDraft> groups(List<SheetRow> rows) {
        List<GroupDraft> drafts = new ArrayList<>();
        for (SheetRow row : rows) {
            locations.put("workGroups[" + drafts.size() + "]", row.location());
            drafts.add(new GroupDraft(drafts.size(), row.text("工作组名称"), row.text("城市"), row.text("包保单位"),
                    DirectoryTerms.kindName(row.text("类型")), row.text("轮次")));
        }
        return drafts;
    }

    private void attachMembers(List<SheetRow> rows) {
        for (SheetRow row : rows) {
            if (row.text("工作组") == null) {
                problems.add(new DirectoryProblem(row.location(), "未填写工作组"));
                continue;
            }
            groupOf(row).ifPresent(group -> {
                locations.put(group.path() + ".members[" + group.members.size() + "]", row.location());
                group.members.add(new Member(row.text("账号"), row.text("姓名"),
                        DirectoryTerms.roleName(row.text("角色"))));
            });
        }
    }

    /** Attaches the work groups' chats and returns the bureau chats (those without a work group). */
    private List<Chat> chats(List<SheetRow> rows) {
        List<Chat> bureauChats = new ArrayList<>();
        for (SheetRow row : rows) {
            Chat chat = new Chat(DirectoryTerms.channelName(row.text("渠道")), row.text("群ID"),
                    row.text("Webhook Key"), row.text("群名称"));
            if (row.text("工作组") == null) {
                locations.put("bureauChats[" + bureauChats.size() + "]", row.location());
                bureauChats.add(chat);
                continue;
            }
            groupOf(row).ifPresent(group -> {
                locations.put(group.path() + ".chats[" + group.chats.size() + "]", row.location());
                group.chats.add(chat);
            });
        }
        return bureauChats;
    }

    /** The work group a 成员 or 群聊 row names, by name and, when given or needed, round. */
    private Optional<GroupDraft> groupOf(SheetRow row) {
        if (groups == null) {
            return Optional.empty();
        }
        String name = row.text("工作组");
        String round = row.text("轮次");
        List<GroupDraft> named = groups.stream().filter(group -> name.equals(group.name)).toList();
        if (round != null) {
            Optional<GroupDraft> match = named.stream().filter(group -> round.equals(group.round)).findFirst();
            if (match.isEmpty()) {
                problems.add(new DirectoryProblem(row.location(),
                        "工作组\"" + name + "\"（轮次\"" + round + "\"）不在" + WORK_GROUPS.label() + "中"));
            }
            return match;
        }
        if (named.isEmpty()) {
            problems.add(new DirectoryProblem(row.location(), "工作组\"" + name + "\"不在" + WORK_GROUPS.label() + "中"));
            return Optional.empty();
        }
        if (named.stream().map(group -> group.round).distinct().count() > 1) {
            problems.add(new DirectoryProblem(row.location(),
                    "工作组\"" + name + "\"在" + WORK_GROUPS.label() + "中属于多个轮次，请填写轮次"));
            return Optional.empty();
        }
        return Optional.of(named.get(0));
    }

    private static Person person(String userId, String name) {
        return userId == null && name == null ? null : new Person(userId, name);
    }

    /** 共同负责单位 separated by 、 , ， ; ； or line breaks. */
    private static List<String> unitNames(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[、,，;；\\r\\n]+")).map(String::strip).filter(name -> !name.isEmpty())
                .toList();
    }

    /** A work group being read: its members and chats arrive from other sheets. */
    private static final class GroupDraft {
        private final int index;
        private final String name;
        private final String city;
        private final String unit;
        private final String kind;
        private final String round;
        private final List<Member> members = new ArrayList<>();
        private final List<Chat> chats = new ArrayList<>();

        GroupDraft(int index, String name, String city, String unit, String kind, String round) {
            this.index = index;
            this.name = name;
            this.city = city;
            this.unit = unit;
            this.kind = kind;
            this.round = round;
        }

        String path() {
            return "workGroups[" + index + "]";
        }

        WorkGroup toWorkGroup() {
            return new WorkGroup(name, city, unit, kind, round, List.copyOf(members), List.copyOf(chats));
        }
    }
}
