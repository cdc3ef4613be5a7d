package cn.mee.liaison.bot.classify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One field of a record: a stable English code, the Chinese label people see, its kind, whether a complete record
 * must have it, and the other ways people write its name.
 *
 * <p>An alias is literal text, except that {@code …} (U+2026) stands for a short gap of up to six characters
 * within one clause, where the count may sit: {@code 检查…企业} matches {@code 检查企业}, {@code 检查了12家企业}
 * and {@code 检查了十二家企业}. An alias that begins with {@code ^} only counts where it opens a clause:
 * {@code ^问题} reads {@code 企业12家,问题3个} but not {@code 整改问题2个}. The label itself always counts as an
 * alias, and for a NUMBER field so does the label without its trailing count word ({@code 夜查次数} also matches
 * {@code 夜查}), see {@link #allAliases()}.
 *
 * @param code     English camelCase key, unique within a record type
 * @param label    Chinese label, also the first alias
 * @param kind     how the value is read
 * @param required whether a record without it is incomplete
 * @param aliases  further names, possibly empty
 */
public record FieldSpec(String code, String label, FieldKind kind, boolean required, List<String> aliases) {

    /** Stands for a short gap in an alias. */
    public static final String GAP = "…";
    /** Starts an alias that only counts at the start of a clause. */
    public static final String CLAUSE_START = "^";

    /** Count words that a NUMBER label may end with and people leave out: 夜查次数 → 夜查, 检查企业数 → 检查企业. */
    private static final List<String> COUNT_SUFFIXES = List.of(
            "次数", "人数", "个数", "件数", "家数", "数量", "总数", "人次", "家次", "车次", "数");

    public FieldSpec {
        Objects.requireNonNull(kind, "kind");
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a field needs a code");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("field " + code + " needs a label");
        }
        aliases = aliases == null ? List.of() : aliases.stream().filter(a -> a != null && !a.isBlank()).toList();
    }

    public static FieldSpec number(String code, String label, boolean required, String... aliases) {
        return new FieldSpec(code, label, FieldKind.NUMBER, required, List.of(aliases));
    }

    public static FieldSpec text(String code, String label, boolean required, String... aliases) {
        return new FieldSpec(code, label, FieldKind.TEXT, required, List.of(aliases));
    }

    public static FieldSpec date(String code, String label, boolean required, String... aliases) {
        return new FieldSpec(code, label, FieldKind.DATE, required, List.of(aliases));
    }

    /** The label, its count-word stem for NUMBER fields, then the aliases; normalized and without repeats. */
    public List<String> allAliases() {
        Set<String> all = new LinkedHashSet<>();
        String normalizedLabel = ChatText.normalize(label);
        all.add(normalizedLabel);
        if (kind == FieldKind.NUMBER) {
            for (String suffix : COUNT_SUFFIXES) {
                if (normalizedLabel.endsWith(suffix) && normalizedLabel.length() - suffix.length() >= 2) {
                    all.add(normalizedLabel.substring(0, normalizedLabel.length() - suffix.length()));
                    break;
                }
            }
        }
        for (String alias : aliases) {
            all.add(normalizeAlias(alias));
        }
        return new ArrayList<>(all);
    }

    /** Normalizes the literal parts of an alias, keeping its gaps ({@code …} would become {@code ...} in NFKC). */
    private static String normalizeAlias(String alias) {
        String[] pieces = alias.split(GAP, -1);
        for (int i = 0; i < pieces.length; i++) {
            pieces[i] = ChatText.normalize(pieces[i]);
        }
        return String.join(GAP, pieces);
    }
}
