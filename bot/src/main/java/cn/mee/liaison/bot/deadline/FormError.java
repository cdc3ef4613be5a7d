package cn.mee.liaison.bot.deadline;

import cn.mee.liaison.bot.web.BadRequest;
import java.util.Map;

/**
 * A refusal as a form shows it: the field at fault and the message with the field's Chinese name in front
 * ({@code dueDate：…} of the API becomes {@code 截止日期：…}).
 */
record FormError(String field, String message) {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("title", "名称"), Map.entry("dueDate", "截止日期"), Map.entry("unit", "包保单位"),
            Map.entry("city", "城市"), Map.entry("heldOn", "反馈会日期"), Map.entry("note", "备注"),
            Map.entry("days", "延后天数"), Map.entry("leadDays", "提前天数"), Map.entry("timeOfDay", "提醒时间"),
            Map.entry("key", "设置项"));

    static FormError of(BadRequest refused) {
        String message = refused.getMessage();
        int colon = message.indexOf('：');
        if (colon > 0 && NAMES.containsKey(message.substring(0, colon))) {
            String field = message.substring(0, colon);
            return new FormError(field, NAMES.get(field) + message.substring(colon));
        }
        return new FormError(null, message);
    }
}
