package cn.mee.liaison.bot.dispatch;

import java.util.Comparator;

/**
 * How a unit or group did over a range of days (the evidence of 第十二条's evaluation): of the reports expected, how
 * many came on time and how many late.
 *
 * @param city for a group, its city; for a unit, empty
 * @param unit for a group, its unit; for a unit, its own name
 */
public record Standing(String name, String city, String unit, int expected, int onTime, int late) {

    /** Best first: the most complete, then the most punctual, then by name. */
    public static final Comparator<Standing> RANKING = Comparator.comparingDouble(Standing::completeness).reversed()
            .thenComparing(Comparator.comparingDouble(Standing::punctuality).reversed())
            .thenComparing(Standing::name);

    public int missing() {
        return expected - onTime - late;
    }

    /** Reports made, in percent of those expected (100 when none were expected). */
    public double completeness() {
        return percent(onTime + late);
    }

    /** Reports made on time, in percent of those expected. */
    public double punctuality() {
        return percent(onTime);
    }

    private double percent(int count) {
        return expected == 0 ? 100.0 : Math.round(1000.0 * count / expected) / 10.0;
    }
}
