package cn.mee.liaison.bot.directory;

import java.util.List;
import java.util.Locale;

/** The data sheets of the directory workbook, in order: name, columns, and the example row of the template. */
enum DirectorySheet {

    UNITS("包保单位", true,
            List.of("示例：中国环境科学研究院", "coord-01", "王晓明"),
            Column.of("单位名称", 36), Column.of("协调联络员账号", 20), Column.of("协调联络员姓名", 16)),
    CITIES("城市", true,
            List.of("示例：保定市", "中国环境科学研究院", "生态环境部环境规划院、中国环境监测总站"),
            Column.of("城市", 14), Column.of("牵头负责单位", 36), Column.optional("共同负责单位", 60)),
    ROUNDS("轮次", true,
            List.of("示例：2026年第4轮", "2026-11-01", "2026-12-31"),
            Column.of("轮次名称", 20), Column.of("开始日期", 14), Column.of("结束日期", 14)),
    WORK_GROUPS("工作组", true,
            List.of("示例：保定市中心组", "保定市", "中国环境科学研究院", "中心组", "2026年第4轮"),
            Column.of("工作组名称", 24), Column.of("城市", 14), Column.of("包保单位", 36),
            Column.choice("类型", 10, DirectoryTerms.kindLabels()), Column.of("轮次", 20)),
    MEMBERS("成员", true,
            List.of("示例：保定市中心组", "2026年第4轮", "bd-c-01", "王晓明", "组长"),
            Column.of("工作组", 24), Column.optional("轮次", 20), Column.of("账号", 20), Column.of("姓名", 14),
            Column.choice("角色", 10, DirectoryTerms.roleLabels())),
    CHATS("群聊", true,
            List.of("示例：保定市中心组", "2026年第4轮", "SANDBOX", "bd-center", "", "保定市中心组工作联络群"),
            Column.of("工作组", 24), Column.optional("轮次", 20),
            Column.choice("渠道", 18, DirectoryTerms.channelChoices()), Column.of("群ID", 36),
            Column.optional("Webhook Key", 40), Column.optional("群名称", 30)),
    BUREAU_STAFF("执法局人员", false,
            List.of("示例：zfj-01", "赵文静"),
            Column.of("账号", 20), Column.of("姓名", 14));

    /** Rows of data a sheet may hold; the drop-downs reach this far too. */
    static final int MAX_ROWS = 20_000;

    private final String title;
    private final boolean required;
    private final List<String> example;
    private final List<Column> columns;

    DirectorySheet(String title, boolean required, List<String> example, Column... columns) {
        this.title = title;
        this.required = required;
        this.example = example;
        this.columns = List.of(columns);
    }

    /** The sheet's name in the workbook, e.g. 成员. */
    String title() {
        return title;
    }

    /** Whether a workbook without this sheet is refused (执法局人员 may be left out). */
    boolean required() {
        return required;
    }

    List<String> example() {
        return example;
    }

    List<Column> columns() {
        return columns;
    }

    /** 「成员」表 */
    String label() {
        return "「" + title + "」表";
    }

    /** 「成员」表第12行, with the row number as Excel shows it. */
    String rowLabel(int rowNumber) {
        return label() + "第" + rowNumber + "行";
    }

    /** A column of a sheet: header, width in characters, whether it may be left out, the drop-down choices. */
    record Column(String header, int width, boolean optional, List<String> choices) {

        static Column of(String header, int width) {
            return new Column(header, width, false, List.of());
        }

        static Column optional(String header, int width) {
            return new Column(header, width, true, List.of());
        }

        static Column choice(String header, int width, List<String> choices) {
            return new Column(header, width, false, choices);
        }

        /** Headers match regardless of blanks and case: "Webhook Key" = "webhookkey". */
        static String key(String header) {
            return header.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        }
    }
}
