package cn.mee.liaison.bot.dispatch;

import cn.mee.liaison.bot.classify.FieldKind;
import cn.mee.liaison.bot.classify.FieldSpec;
import java.util.List;

/**
 * An item of a plan as the console and the API edit it. The code may be left out: an item named like a built-in
 * one ({@code 检查企业数}) takes its code and the other ways people write it; a new one gets {@code item<N>}.
 *
 * @param kind NUMBER (a count, 无/零 read as 0), TEXT or DATE; NUMBER when left out
 */
public record PlanItem(String code, String label, FieldKind kind, boolean required, List<String> aliases) {

    public static PlanItem of(FieldSpec spec) {
        return new PlanItem(spec.code(), spec.label(), spec.kind(), spec.required(), spec.aliases());
    }
}
