package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.classify.FieldKind;
import cn.mee.liaison.bot.classify.FieldSpec;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What the daily dispatch says in the chats: the prompt, the reminders and the escalation of missing groups. */
public final class DispatchTexts {

    private static final long[] EXAMPLE_COUNTS = {12, 3, 2, 1, 5, 4, 6, 8};

    private DispatchTexts() {
    }

    /** {@code 11月30日（周一）}. */
    public static String day(LocalDate day) {
        return day.getMonthValue() + "月" + day.getDayOfMonth() + "日（"
                + day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.SIMPLIFIED_CHINESE).replace("星期", "周")
                + "）";
    }

    public static String time(LocalTime time) {
        return DispatchPlans.text(time);
    }

    /** The items of a plan as listed to the groups: {@code 检查企业数（必填）、…、其他}. */
    public static String items(List<FieldSpec> fields) {
        return fields.stream().map(f -> f.label() + (f.required() ? "（必填）" : "")).collect(Collectors.joining("、"));
    }

    /** A complete report for the plan, as the groups may copy it. */
    public static String example(DispatchPlan plan) {
        List<String> parts = new ArrayList<>();
        int n = 0;
        for (FieldSpec field : plan.fields()) {
            if (field.kind() == FieldKind.NUMBER) {
                parts.add(field.label() + "：" + EXAMPLE_COUNTS[n++ % EXAMPLE_COUNTS.length]);
            } else if (field.kind() == FieldKind.TEXT) {
                parts.add(field.label() + "：" + ("tomorrowPlan".equals(field.code()) ? "继续排查工业园区涉VOCs企业" : "无"));
            }
        }
        return "日报 " + String.join("，", parts);
    }

    public static String prompt(LocalDate day, String dayKind, DispatchPlan plan) {
        return "【每日工作调度】" + day(day) + ("工作日".equals(dayKind) ? "" : dayKind) + "\n"
                + "请于" + time(plan.closeAt()) + "前在本群报送今日工作情况，以\u201c日报\u201d开头，包括："
                + items(plan.fields()) + "。\n"
                + "示例：" + example(plan) + "\n"
                + "（一组一天报一次，再次报送以最后一次为准；" + time(plan.closeAt()) + "后报送记为迟报。）";
    }

    /** The nudge to a group still missing. */
    public static String reminder(LocalDate day, DispatchPlan plan, boolean afterClose) {
        String ask = afterClose
                ? "已过" + time(plan.closeAt()) + "截止时间，请尽快补报（记为迟报）。"
                : "请于" + time(plan.closeAt()) + "前回复\u201c日报 …\u201d。";
        return "【调度提醒】本群" + day(day) + "工作调度尚未报送，" + ask + "\n"
                + "需报送：" + items(plan.fields()) + "\n"
                + "示例：" + example(plan);
    }

    /** The nudge to a group whose report lacks required items: exactly those. */
    public static String itemsReminder(LocalDate day, DispatchPlan plan, boolean afterClose, List<FieldSpec> lacking) {
        String ask = afterClose ? "已过" + time(plan.closeAt()) + "截止时间，请尽快补充。"
                : "请于" + time(plan.closeAt()) + "前补充。";
        return "【调度提醒】本群" + day(day) + "工作调度还缺少必填项：" + labels(lacking) + "，" + ask + "\n"
                + "示例：日报 " + lacking.stream().map(f -> f.label() + "：" + (f.kind() == FieldKind.NUMBER ? "0" : "…"))
                .collect(Collectors.joining("，"));
    }

    /**
     * To a city's central group: the groups of the city still owing at close, those missing and those whose report
     * lacks required items.
     */
    public static String escalationToCity(LocalDate day, String city, LocalTime close, List<BoardRow> owing) {
        List<BoardRow> missing = owing.stream().filter(r -> !r.reported()).toList();
        List<BoardRow> incomplete = owing.stream().filter(BoardRow::reported).toList();
        StringBuilder text = new StringBuilder((missing.isEmpty() ? "【调度缺项】" : "【调度未报】") + day(day) + "截至"
                + time(close) + "，" + city);
        if (!missing.isEmpty()) {
            text.append("以下").append(missing.size()).append("个工作组未报送工作调度：");
            for (BoardRow row : missing) {
                text.append("\n- ").append(row.group().name()).append(row.unit() == null ? "" : "（" + row.unit() + "）");
            }
        }
        if (!incomplete.isEmpty()) {
            text.append(missing.isEmpty() ? "" : "\n").append("以下").append(incomplete.size())
                    .append("个工作组报送不完整：");
            for (BoardRow row : incomplete) {
                text.append("\n- ").append(row.group().name()).append(row.unit() == null ? "" : "（" + row.unit() + "）")
                        .append("：缺").append(labels(row.missing()));
            }
        }
        return text.append("\n请中心组督促补报。").toString();
    }

    /** To the bureau chats: every group still owing at close, by city — missing, then reported incomplete. */
    public static String escalationToBureau(LocalDate day, LocalTime close, List<BoardRow> owing) {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        Map<String, List<String>> incomplete = new LinkedHashMap<>();
        for (BoardRow row : owing) {
            (row.reported() ? incomplete : missing).computeIfAbsent(row.city() == null ? "未填城市" : row.city(),
                    c -> new ArrayList<>()).add(row.group().name()
                    + (row.reported() ? "（缺" + labels(row.missing()) + "）" : ""));
        }
        long missingCount = owing.stream().filter(r -> !r.reported()).count();
        StringBuilder text = new StringBuilder((missingCount == 0 ? "【调度缺项】" : "【调度未报】") + day(day) + "截至"
                + time(close) + "，");
        if (missingCount > 0) {
            text.append("共").append(missingCount).append("个工作组未报送工作调度：");
            missing.forEach((city, groups) -> text.append("\n").append(city).append("：")
                    .append(String.join("、", groups)));
        }
        if (!incomplete.isEmpty()) {
            text.append(missingCount == 0 ? "" : "\n").append("共").append(owing.size() - missingCount)
                    .append("个工作组报送不完整：");
            incomplete.forEach((city, groups) -> text.append("\n").append(city).append("：")
                    .append(String.join("、", groups)));
        }
        return text.toString();
    }

    /** Labels of items, joined: {@code 明日计划、发现问题数}. */
    public static String labels(List<FieldSpec> fields) {
        return fields.stream().map(FieldSpec::label).collect(Collectors.joining("、"));
    }
}
