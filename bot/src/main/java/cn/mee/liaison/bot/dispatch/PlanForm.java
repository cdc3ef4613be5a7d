package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.classify.FieldKind;
import cn.mee.liaison.bot.classify.FieldSpec;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.storage.directory.GroupKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plan as the console's form shows and sends it: the items as rows (with a few empty ones to add items), times as
 * text. What was sent is shown again as sent when it is refused, with the reason.
 *
 * @param id      {@code new} for the form of a new plan, otherwise the plan's key
 * @param round   the round's name, empty for every round
 * @param kind    the group kind's name, empty for every kind
 * @param error   why the plan was refused, or null
 */
record PlanForm(String id, String title, String round, String kind, boolean enabled, List<Item> items,
                String promptAt, String reminders, String closeAt, String days, String error) {

    static final String NEW = "new";
    private static final int EMPTY_ROWS = 3;
    private static final String ALIAS_SEPARATOR = "、";

    /** The names of the request's fields, as the page calls them. */
    private static final Map<String, String> FIELDS = Map.of("promptAt", "提示时间", "reminders", "提醒时间",
            "closeAt", "截止时间", "fields", "报送项", "round", "轮次", "kind", "组别", "days", "报送日");

    /** One item of the plan. */
    record Item(String code, String label, String kind, boolean required, String aliases) {

        static Item of(FieldSpec spec) {
            return new Item(spec.code(), spec.label(), spec.kind().name(), spec.required(),
                    String.join(ALIAS_SEPARATOR, spec.aliases()));
        }

        static Item empty() {
            return new Item("", "", FieldKind.NUMBER.name(), false, "");
        }
    }

    static PlanForm of(DispatchPlan plan, DirectorySnapshot snapshot) {
        String round = plan.roundId() == null ? "" : snapshot.roundName(plan.roundId());
        List<Item> items = new ArrayList<>(plan.fields().stream().map(Item::of).toList());
        for (int i = 0; i < EMPTY_ROWS; i++) {
            items.add(Item.empty());
        }
        return new PlanForm(plan.key(), title(plan.key(), round, plan.kind()), round,
                plan.kind() == null ? "" : plan.kind().name(), plan.enabled(), items, DispatchPlans.text(plan.promptAt()),
                String.join(", ", plan.reminders().stream().map(DispatchPlans::text).toList()),
                DispatchPlans.text(plan.closeAt()), plan.days().name(), null);
    }

    /** The form for a new plan, starting from the values of another (the default). */
    static PlanForm fresh(DispatchPlan from, DirectorySnapshot snapshot) {
        PlanForm f = of(from, snapshot);
        return new PlanForm(NEW, "新建方案", "", "", true, f.items(), f.promptAt(), f.reminders(), f.closeAt(),
                f.days(), null);
    }

    /** The form as sent; the item rows are parallel lists, {@code required} holds the numbers of the rows ticked. */
    static PlanForm sent(String id, String round, String kind, boolean enabled, List<String> codes,
                         List<String> labels, List<String> kinds, List<String> aliases, Set<Integer> required,
                         String promptAt, String reminders, String closeAt, String days) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            items.add(new Item(at(codes, i), at(labels, i), at(kinds, i), required.contains(i), at(aliases, i)));
        }
        GroupKind groupKind = Arrays.stream(GroupKind.values()).filter(k -> k.name().equals(kind)).findFirst()
                .orElse(null);
        String title = NEW.equals(id) ? "新建方案" : title(id, round, groupKind);
        return new PlanForm(id, title, nz(round), nz(kind), enabled, items, nz(promptAt), nz(reminders), nz(closeAt),
                nz(days), null);
    }

    PlanForm refused(String message) {
        String text = message;
        int colon = message.indexOf('：');
        if (colon > 0 && FIELDS.containsKey(message.substring(0, colon))) {
            text = FIELDS.get(message.substring(0, colon)) + message.substring(colon);
        }
        return new PlanForm(id, title, round, kind, enabled, items, promptAt, reminders, closeAt, days,
                "未保存（方案保持原样）：" + text);
    }

    /** What the form asks for, to be checked and saved like a {@code PUT /api/v1/dispatch/plans}. */
    PlanRequest request() {
        List<PlanItem> fields = items.stream().filter(i -> !i.label().isBlank())
                .map(i -> new PlanItem(i.code().isBlank() ? null : i.code(), i.label(),
                        i.kind().isBlank() ? FieldKind.NUMBER : choice(FieldKind.class, i.kind(), "fields"),
                        i.required(),
                        Arrays.stream(i.aliases().split(ALIAS_SEPARATOR)).map(String::strip)
                                .filter(a -> !a.isEmpty()).toList()))
                .toList();
        return new PlanRequest(round.isBlank() ? null : round, choice(GroupKind.class, kind, "kind"),
                enabled, fields, promptAt,
                Arrays.stream(reminders.split("[,，、\\s]+")).filter(t -> !t.isBlank()).toList(), closeAt,
                choice(ReportingDays.class, days, "days"));
    }

    /** An enum's constant by name, none for an empty value; another value is refused. */
    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequest("invalid_request", field + "：\u201c" + value + "\u201d不是可选的值");
        }
    }

    private static String title(String key, String round, GroupKind kind) {
        if (DispatchPlan.DEFAULT_KEY.equals(key)) {
            return "默认方案（所有轮次、所有组别）";
        }
        return (round == null || round.isBlank() ? "所有轮次" : round) + " · " + (kind == null ? "所有组别" : kind.label());
    }

    private static String at(List<String> values, int i) {
        return values != null && i < values.size() && values.get(i) != null ? values.get(i).strip() : "";
    }

    private static String nz(String value) {
        return value == null ? "" : value.strip();
    }
}
