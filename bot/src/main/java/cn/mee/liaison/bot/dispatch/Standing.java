package cn.mee.liaison.bot.dispatch;

import java.util.Comparator;

/**
 * How a unit or group did over a range of days (the evidence of 第十二条's evaluation): of the reports expected, how
 * many came on time and how many late, and how many of those made lacked required items.
 *
 * @param city       for a group, its city; for a unit, empty
 * @param unit       for a group, its unit; for a unit, its own name
 * @param incomplete of the reports made (on time or late), those lacking required items
 */
public record Standing(String name, String city, String unit, int expected, int onTime, int late, int incomplete) {

    /** Best first: the most complete, then the fewest reports lacking items, the most punctual, then by name. */
    public static final Comparator<Standing> RANKING = Comparator.comparingDouble(Standing::completeness).reversed()
            .thenComparingInt(Standing::incomplete)
            .thenComparing(Comparator.comparingDouble(Standing::punctuality).reversed())
            .thenComparing(Standing::name);

    public int missing() {
        return expected - onTime - late;
    }

    /** Reports made with every required item. */
    public int complete() {
        return onTime + late - incomplete;
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
