package cn.mee.liaison.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Proper names for the generated texts, seeded so every run has the same: thousands of enterprises
 * ({@code 保定市恒达化工有限公司}, {@code 徐水区鑫源铸造厂}), people ({@code 张建国}), villages with their towns
 * ({@code 大王店镇北辛庄村}) and plate numbers ({@code 冀F3K285}). Each name is in a small share of the messages —
 * what people really search for, unlike the campaign's common words.
 */
final class Names {

    static final int ENTERPRISES = 5000;
    static final int PEOPLE = 3000;
    static final int VILLAGES = 2000;

    private static final String BRAND = "恒达鑫源华盛宏泰金利隆丰永兴博瑞天成建新东方海明德润嘉联福安昌荣胜远通宇信鼎正广合凯旭祥汇诚";
    private static final List<String> PREFIXES = List.of("保定市", "河北", "涿州市", "高碑店市", "定州市", "石家庄",
            "唐山市", "沧州市");
    private static final List<String> SUFFIXES = List.of("有限公司", "有限责任公司", "股份有限公司", "厂");
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰辉鹏飞建国卫东红志文海波斌宇";
    private static final String PLACE = "东西南北前后大小王李张刘马高石杨柳河台庄屯营店桥堡寨坊沟洼铺辛黄白";
    private static final String PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    /** An enterprise: its full name and the distinctive part people type ({@code 恒达化工}). */
    record Enterprise(String name, String shortName) {
    }

    static final List<Enterprise> ENTERPRISE_NAMES = enterprises(new Random(101));
    static final List<String> PEOPLE_NAMES = people(new Random(102));
    static final List<String> VILLAGE_NAMES = villages(new Random(103));

    private Names() {
    }

    static Enterprise enterprise(Random r) {
        return Texts.pick(r, ENTERPRISE_NAMES);
    }

    static String person(Random r) {
        return Texts.pick(r, PEOPLE_NAMES);
    }

    static String village(Random r) {
        return Texts.pick(r, VILLAGE_NAMES);
    }

    static String plate(Random r) {
        StringBuilder plate = new StringBuilder("冀").append(PLATE_LETTERS.charAt(r.nextInt(PLATE_LETTERS.length())));
        for (int i = 0; i < 5; i++) {
            plate.append(r.nextInt(4) == 0 ? PLATE_LETTERS.charAt(r.nextInt(PLATE_LETTERS.length()))
                    : (char) ('0' + r.nextInt(10)));
        }
        return plate.toString();
    }

    private static List<Enterprise> enterprises(Random r) {
        Set<String> seen = new LinkedHashSet<>();
        List<Enterprise> list = new ArrayList<>();
        while (list.size() < ENTERPRISES) {
            String shortName = syllables(r, BRAND, 2) + Texts.pick(r, Texts.ENTERPRISES);
            String name = Texts.pick(r, PREFIXES) + shortName + Texts.pick(r, SUFFIXES);
            if (seen.add(name)) {
                list.add(new Enterprise(name, shortName));
            }
        }
        return List.copyOf(list);
    }

    private static List<String> people(Random r) {
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < PEOPLE) {
            names.add(syllables(r, SURNAMES, 1) + syllables(r, GIVEN, 1 + r.nextInt(2)));
        }
        return List.copyOf(names);
    }

    private static List<String> villages(Random r) {
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < VILLAGES) {
            names.add(syllables(r, PLACE, 3) + "镇" + syllables(r, PLACE, 3) + "村");
        }
        return List.copyOf(names);
    }

    private static String syllables(Random r, String from, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(from.charAt(r.nextInt(from.length())));
        }
        return s.toString();
    }
}
