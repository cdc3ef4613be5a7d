package cn.mee.liaison.bot.classify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A change of a work group's leader or members (第四条(九)): who leaves, who comes, in which position, and why.
 */
final class PersonnelChangeReader implements FreeTextReader {

    /** 李四接替张三: the first name comes, the second goes. */
    private static final Pattern TAKES_OVER = Pattern.compile("接替|替换|替代|顶替|代替");
    /** 张三更换为李四: the first name goes, the second comes. */
    private static final Pattern REPLACED_BY = Pattern.compile("更换为|调整为|替换为|换成|换为|改为|变更为");
    private static final Pattern LEAVES = Pattern.compile("(?:撤回|调回|返回|离组|离开|退出|返京|回京|回单位)");
    private static final Pattern COMES = Pattern.compile("(?:新增|增派|补充|增补|加入|新任|新到|报到)\\s*(?:组长|组员|成员|人员)?\\s*");
    private static final Pattern POSITION_WORD = Pattern.compile("(?:组长|组员|成员|队员|联络员)");
    private static final Pattern REASON = Pattern.compile(
            "(?:因为?|由于)\\s*([^,;。\\n]{1,20}?)(?=[,;。\\n]|不能|无法|返回|离开|撤回|$)");

    @Override
    public void fill(Draft draft) {
        String text = draft.text();
        readSwap(draft, text);
        if (!draft.has("outgoing")) {
            Matcher leaves = LEAVES.matcher(text);
            if (leaves.find()) {
                Optional<String> incoming = draft.textValue("incoming");
                draft.offer("outgoing", namedInClause(text, leaves.start())
                        .or(() -> comrade(text).filter(name -> !incoming.equals(Optional.of(name))))
                        .or(() -> subjectBefore(text, leaves.start())));
            }
        }
        if (!draft.has("incoming")) {
            Matcher comes = COMES.matcher(text);
            if (comes.find()) {
                draft.offer("incoming", PersonNames.startingAt(text, comes.end()));
            }
        }
        draft.offer("position", position(text));
        draft.offer("reason", FreeTextReader.firstGroup(REASON, text));
    }

    private static void readSwap(Draft draft, String text) {
        Matcher takesOver = TAKES_OVER.matcher(text);
        if (takesOver.find()) {
            Optional<String> before = nameBefore(text, takesOver.start());
            Optional<String> after = PersonNames.startingAt(text, takesOver.end());
            if (before.isPresent() || after.isPresent()) {
                draft.offer("incoming", before);
                draft.offer("outgoing", after);
                return;
            }
        }
        Matcher replacedBy = REPLACED_BY.matcher(text);
        while (replacedBy.find()) {
            Optional<String> after = PersonNames.startingAt(text, replacedBy.end());
            if (after.isEmpty()) {
                continue;
            }
            draft.offer("outgoing", nameBefore(text, replacedBy.start()));
            draft.offer("incoming", after);
            return;
        }
    }

    /** A name after a position word (组长张三) in the clause that ends at {@code index}. */
    private static Optional<String> namedInClause(String text, int index) {
        int start = index;
        while (start > 0 && ",;。\n".indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        Matcher position = POSITION_WORD.matcher(text.substring(start, index));
        while (position.find()) {
            Optional<String> name = PersonNames.startingAt(text, start + position.end());
            if (name.isPresent()) {
                return name;
            }
        }
        return Optional.empty();
    }

    /** The first person written as {@code 某某同志}. */
    private static Optional<String> comrade(String text) {
        int at = text.indexOf("同志");
        return at > 0 ? PersonNames.endingAt(text, at) : Optional.empty();
    }

    /** The name right before {@code index} when it opens its clause: {@code 陈明撤回}, not {@code 需请假返京}. */
    private static Optional<String> subjectBefore(String text, int index) {
        return nameBefore(text, index).filter(name -> {
            int start = text.lastIndexOf(name, index);
            return start == 0 || ChineseNumerals.isBoundary(text.charAt(start - 1));
        });
    }

    /** The name right before {@code index}, skipping a trailing 同志 and the words for the position. */
    private static Optional<String> nameBefore(String text, int index) {
        int end = index;
        String head = text.substring(0, end).stripTrailing();
        end = head.length();
        for (String tail : new String[] {"同志", "组长", "组员"}) {
            if (head.endsWith(tail)) {
                end -= tail.length();
                break;
            }
        }
        return PersonNames.endingAt(text, end);
    }

    private static Optional<String> position(String text) {
        int leader = text.indexOf("组长");
        int member = indexOfAny(text, "组员", "成员", "队员");
        if (leader >= 0 && (member < 0 || leader <= member)) {
            return Optional.of("组长");
        }
        return member >= 0 ? Optional.of("组员") : Optional.empty();
    }

    private static int indexOfAny(String text, String... words) {
        int best = -1;
        for (String word : words) {
            int at = text.indexOf(word);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
            }
        }
        return best;
    }
}
