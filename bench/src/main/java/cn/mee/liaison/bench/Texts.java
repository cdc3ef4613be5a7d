package cn.mee.liaison.bench;

import java.util.List;
import java.util.Random;

/**
 * Plausible Chinese texts of the liaison groups: daily reports, problems, checks, chat, with proper names
 * ({@link Names}).
 */
final class Texts {

    static final List<String> CITIES = List.of("北京市", "天津市", "石家庄市", "唐山市", "廊坊市", "保定市", "沧州市",
            "衡水市", "邢台市", "邯郸市", "太原市", "阳泉市", "长治市", "晋城市", "济南市", "淄博市", "济宁市", "德州市",
            "聊城市", "滨州市", "菏泽市", "郑州市", "开封市", "安阳市", "鹤壁市", "新乡市", "焦作市", "濮阳市", "晋中市",
            "运城市", "临汾市", "吕梁市", "洛阳市", "三门峡市", "西安市", "铜川市", "宝鸡市", "咸阳市", "渭南市");
    static final List<String> UNITS = List.of("华北督察局", "华东督察局", "华南督察局", "西北督察局", "西南督察局",
            "东北督察局", "卫星环境应用中心", "环境规划院", "环境科学研究院", "环境监测总站", "固体废物与化学品管理技术中心",
            "核与辐射安全中心", "对外合作与交流中心", "环境发展中心", "宣传教育中心", "信息中心");
    static final List<String> DISTRICTS = List.of("清苑区", "涿州市", "高碑店市", "定兴县", "满城区", "徐水区", "安新县",
            "雄县", "容城县", "蠡县", "博野县", "高阳县", "曲阳县", "唐县", "顺平县", "望都县", "阜平县", "易县");
    static final List<String> ENTERPRISES = List.of("化工", "钢铁", "铸造", "砖瓦", "陶瓷", "家具", "印刷", "包装",
            "塑料制品", "橡胶", "水泥粉磨站", "石灰窑", "玻璃", "焦化", "涂装", "制药", "电镀", "沥青搅拌站", "混凝土搅拌站");
    static final List<String> PROBLEMS = List.of("VOCs无组织排放", "废气收集设施未运行", "活性炭长期未更换",
            "除尘设施破损", "物料露天堆放未苫盖", "厂区道路扬尘", "在线监测数据异常", "治污设施运行记录造假",
            "散乱污企业死灰复燃", "燃煤锅炉未淘汰", "重污染天气应急减排措施未落实", "危险废物贮存不规范",
            "施工工地未落实六个百分之百", "渣土车未密闭运输", "露天焚烧秸秆垃圾", "超标排放");
    static final List<String> PLANS = List.of("继续排查涉VOCs企业", "夜查工业园区", "复查已交办问题整改情况",
            "开展重污染天气应急减排措施落实情况检查", "对散乱污企业清理整治开展回头看", "检查施工工地扬尘管控",
            "核查在线监测数据异常企业", "检查燃煤锅炉淘汰情况", "对挥发性有机物治理设施开展专项检查");
    static final String[] NUMERALS = {"零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};

    private Texts() {
    }

    /** A daily report as members write it, figures in digits or words, now and then with the enterprise seen. */
    static String dailyReport(Random r) {
        String district = pick(r, DISTRICTS);
        String where = district + Names.village(r);
        String seen = r.nextBoolean() ? "，重点检查了" + Names.enterprise(r).name() : "";
        return "日报 今天在" + where + "检查企业" + count(r, 12) + "家" + seen + "，发现问题" + count(r, 5) + "个，督办问题核查"
                + count(r, 4) + "件，交办问题" + count(r, 3) + "个，明日计划：" + pick(r, PLANS) + "。";
    }

    /** A problem found, with a place, an enterprise by name, what is wrong and who was there. */
    static String problem(Random r) {
        return "问题 " + pick(r, DISTRICTS) + Names.village(r) + Names.enterprise(r).name() + "存在" + pick(r, PROBLEMS)
                + "问题，现场检查发现" + pick(r, PROBLEMS) + "，企业负责人" + Names.person(r) + "在场，已拍照取证，"
                + "拟交办地方立即整改。";
    }

    /** Chat of any kind, now and then with a problem word, an enterprise, a person or a plate in it. */
    static String chat(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> "收到";
            case 1 -> "明天上午九点在" + pick(r, DISTRICTS) + Names.village(r) + "村委会集合，" + Names.person(r) + "开车（"
                    + Names.plate(r) + "），请大家带好执法记录仪。";
            case 2 -> "核查 " + pick(r, DISTRICTS) + Names.enterprise(r).name() + pick(r, PROBLEMS) + "问题已整改到位。";
            case 3 -> "党建 今天开展主题党日活动，参加" + count(r, 9) + "人，学习实施细则。";
            case 4 -> "请" + pick(r, CITIES) + "生态环境局协调" + pick(r, DISTRICTS) + "配合检查" + Names.enterprise(r).name()
                    + "。";
            default -> "今天检查中发现" + Names.enterprise(r).name() + pick(r, PROBLEMS) + "，已现场督促整改。";
        };
    }

    static String count(Random r, int max) {
        int n = r.nextInt(max + 1);
        return r.nextBoolean() || n >= NUMERALS.length ? String.valueOf(n) : NUMERALS[n];
    }

    static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
