package cn.mee.liaison.bot.classify;

import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the outcome of a rectification check as one of {@code 已整改}, {@code 部分整改}, {@code 未整改}. */
final class RectificationResults {

    static final String DONE = "已整改";
    static final String PARTLY = "部分整改";
    static final String NOT_DONE = "未整改";

    private static final Pattern PARTLY_CUE = Pattern.compile(
            "部分整改|部分已整改|基本完成|未全部整改|未完全整改|尚未完全|基本整改|整改不到位|整改不彻底|部分完成|部分未整改|正在整改|整改中|仍在整改|部分落实");
    private static final Pattern NOT_DONE_CUE = Pattern.compile(
            "未整改|没有整改|没整改|尚未整改|仍未整改|拒不整改|未进行整改|未完成整改|整改未完成|未按要求整改|未落实整改|未开展整改|无整改|问题依旧|问题仍然存在|仍然存在|依然存在|仍存在");
    private static final Pattern DONE_CUE = Pattern.compile(
            "已整改|已经整改|整改完成|完成整改|已完成整改|整改到位|已落实整改|已全部整改|全部整改|整改完毕|已完成|已拆除|已取缔|已关停|已清理|已苫盖|已覆盖");

    private RectificationResults() {
    }

    static Optional<String> find(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        if (PARTLY_CUE.matcher(text).find()) {
            return Optional.of(PARTLY);
        }
        if (NOT_DONE_CUE.matcher(text).find()) {
            return Optional.of(NOT_DONE);
        }
        if (DONE_CUE.matcher(text).find()) {
            return Optional.of(DONE);
        }
        return Optional.empty();
    }

    /** True when the text states an outcome at all. */
    static boolean statesOutcome(String text) {
        return find(text).isPresent();
    }
}
