package cn.mee.liaison.bot.classify;

import java.util.Optional;

/** The number of people in a text: {@code 12人}, {@code 8名党员}, {@code 共十五人参加}. */
final class HeadCounts {

    private HeadCounts() {
    }

    static Optional<Long> find(String masked) {
        for (ChineseNumerals.NumeralMatch match : ChineseNumerals.findCounts(masked)) {
            if (match.end() < masked.length() && "人名位".indexOf(masked.charAt(match.end())) >= 0) {
                return Optional.of(match.value());
            }
        }
        return Optional.empty();
    }
}
