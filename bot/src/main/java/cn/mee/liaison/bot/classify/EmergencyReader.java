package cn.mee.liaison.bot.classify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An emergency in a work group (第四条(九)): a traffic accident, an illness, or something else. */
final class EmergencyReader implements FreeTextReader {

    static final String TRAFFIC = "交通事故";
    static final String ILLNESS = "人员疾病";
    static final String OTHER = "其他";

    static final Pattern TRAFFIC_CUE = Pattern.compile("交通事故|车祸|追尾|翻车|侧翻|相撞|撞车|被撞|撞到|剐蹭|刮蹭|碰撞|车辆事故");
    static final Pattern ILLNESS_CUE = Pattern.compile(
            "疾病|生病|患病|发烧|发热|高烧|晕倒|昏倒|昏迷|急诊|住院|送医|就医|送往医院|送至医院|入院|抢救|心脏|中暑|胸痛|腹痛|身体不适|突发|病倒|骨折|受伤");
    private static final Pattern PERSON_INTRO = Pattern.compile("(?:组员|组长|队员|成员|司机|驾驶员|同事|联络员)\\s*");
    private static final Pattern COMRADE = Pattern.compile("同志");

    @Override
    public void fill(Draft draft) {
        String text = draft.text();
        String category = draft.textValue("category").flatMap(EmergencyReader::category)
                .or(() -> category(text)).orElse(OTHER);
        draft.replace("category", category);
        draft.offer("people", person(text));
        draft.offer("description", draft.untouchedText());
    }

    static Optional<String> category(String text) {
        if (TRAFFIC_CUE.matcher(text).find()) {
            return Optional.of(TRAFFIC);
        }
        if (ILLNESS_CUE.matcher(text).find()) {
            return Optional.of(ILLNESS);
        }
        return Optional.empty();
    }

    private static Optional<String> person(String text) {
        Matcher intro = PERSON_INTRO.matcher(text);
        while (intro.find()) {
            Optional<String> name = PersonNames.startingAt(text, intro.end());
            if (name.isPresent()) {
                return name;
            }
        }
        Matcher comrade = COMRADE.matcher(text);
        if (comrade.find()) {
            return PersonNames.endingAt(text, comrade.start());
        }
        return Optional.empty();
    }
}
