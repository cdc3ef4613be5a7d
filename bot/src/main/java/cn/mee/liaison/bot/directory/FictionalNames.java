package cn.mee.liaison.bot.directory;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Made-up Chinese names for demo people: a common surname and two given-name characters, drawn from a fixed seed
 * (java.util.Random's sequence is specified, so the same names come out on every JVM), never the same name twice.
 */
final class FictionalNames {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈";
    private static final String GIVEN = "文静晓明建华丽志强海燕红军平思雨佳琳子涵宇轩嘉怡欣悦浩然博雅婷俊杰春秋云峰岚鹏飞立新国庆敏慧兰芳晨曦伟磊洋雪梅凯旭阳宁康";
    private static final long SEED = 20_261_101L;

    private final Random random = new Random(SEED);
    private final Set<String> used = new HashSet<>();

    String next() {
        while (true) {
            String name = "" + pick(SURNAMES) + pick(GIVEN) + pick(GIVEN);
            if (used.add(name)) {
                return name;
            }
        }
    }

    private char pick(String characters) {
        return characters.charAt(random.nextInt(characters.length()));
    }
}
