package cn.mee.liaison.bot.support;

import cn.mee.liaison.bot.directory.DirectoryDocument;
import cn.mee.liaison.bot.directory.DirectoryDocument.Chat;
import cn.mee.liaison.bot.directory.DirectoryDocument.City;
import cn.mee.liaison.bot.directory.DirectoryDocument.Member;
import cn.mee.liaison.bot.directory.DirectoryDocument.Person;
import cn.mee.liaison.bot.directory.DirectoryDocument.Round;
import cn.mee.liaison.bot.directory.DirectoryDocument.Unit;
import cn.mee.liaison.bot.directory.DirectoryDocument.WorkGroup;
import java.util.List;

/**
 * A small organisation whose every name and id carries a tag, so that tests sharing one database do not meet:
 * two units, two cities, one round; 保定 has a central and an ordinary group, 廊坊 an ordinary group; a bureau chat.
 */
public record TestOrganisation(String tag) {

    public String unitA() {
        return "中国环境科学研究院-" + tag;
    }

    public String unitB() {
        return "生态环境部环境规划院-" + tag;
    }

    public String cityA() {
        return "保定市-" + tag;
    }

    public String cityB() {
        return "廊坊市-" + tag;
    }

    public String round() {
        return "2026年第4轮-" + tag;
    }

    public String centralChat() {
        return "bd-center-" + tag;
    }

    public String ordinaryChat() {
        return "bd-1-" + tag;
    }

    public String otherCityChat() {
        return "lf-1-" + tag;
    }

    public String bureauChat() {
        return "bureau-" + tag;
    }

    /** Leader of 保定市第一组. */
    public String leader() {
        return "zhangsan-" + tag;
    }

    public String member() {
        return "lisi-" + tag;
    }

    public String otherCityMember() {
        return "zhaoliu-" + tag;
    }

    public String coordinatorA() {
        return "coord-a-" + tag;
    }

    public String staff() {
        return "zfj-" + tag;
    }

    public DirectoryDocument document() {
        return document("2026-11-01", "2026-12-31");
    }

    /** The organisation with its round running over other days. */
    public DirectoryDocument document(String roundStart, String roundEnd) {
        return new DirectoryDocument(
                List.of(new Unit(unitA(), new Person(coordinatorA(), "王协调")),
                        new Unit(unitB(), new Person("coord-b-" + tag, "钱联络"))),
                List.of(new City(cityA(), unitA(), List.of(unitB())), new City(cityB(), unitB(), List.of())),
                List.of(new Round(round(), roundStart, roundEnd)),
                List.of(
                        new WorkGroup("保定市中心组", cityA(), unitA(), "CENTRAL", round(),
                                List.of(new Member("center-lead-" + tag, "孙中心", "LEADER")),
                                List.of(new Chat("SANDBOX", centralChat(), null, "保定市中心组群"))),
                        new WorkGroup("保定市第一组", cityA(), unitA(), "ORDINARY", round(),
                                List.of(new Member(leader(), "张三", "LEADER"), new Member(member(), "李四", "MEMBER")),
                                List.of(new Chat("SANDBOX", ordinaryChat(), null, null))),
                        new WorkGroup("廊坊市第一组", cityB(), unitB(), "ORDINARY", round(),
                                List.of(new Member(otherCityMember(), "赵六", "LEADER")),
                                List.of(new Chat("SANDBOX", otherCityChat(), null, null)))),
                List.of(new Chat("SANDBOX", bureauChat(), null, "执法局工作联络群")),
                List.of(new Person(staff(), "周执法")));
    }
}
