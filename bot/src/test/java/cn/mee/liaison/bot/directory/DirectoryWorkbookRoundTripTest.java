package cn.mee.liaison.bot.directory;

import cn.mee.liaison.bot.directory.DirectoryDocument.Chat;
import cn.mee.liaison.bot.directory.DirectoryDocument.City;
import cn.mee.liaison.bot.directory.DirectoryDocument.Member;
import cn.mee.liaison.bot.directory.DirectoryDocument.Person;
import cn.mee.liaison.bot.directory.DirectoryDocument.Round;
import cn.mee.liaison.bot.directory.DirectoryDocument.Unit;
import cn.mee.liaison.bot.directory.DirectoryDocument.WorkGroup;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryWorkbookRoundTripTest {

    private final DirectoryWorkbook workbook = new DirectoryWorkbook();

    static DirectoryDocument sample() {
        return new DirectoryDocument(
                List.of(new Unit("中国环境科学研究院", new Person("13800000000", "王晓明")),
                        new Unit("生态环境部环境规划院", new Person("1001", "李思雨")),
                        new Unit("中国环境监测总站", null)),
                List.of(new City("保定市", "中国环境科学研究院", List.of("生态环境部环境规划院", "中国环境监测总站")),
                        new City("西安市", "中国环境监测总站", List.of())),
                List.of(new Round("2026年第3轮", "2026-09-01", "2026-10-31"),
                        new Round("2026年第4轮", "2026-11-01", "2026-12-31")),
                List.of(new WorkGroup("保定市中心组", "保定市", "中国环境科学研究院", "CENTRAL", "2026年第3轮",
                                List.of(new Member("bd-c-01", "张建华", "LEADER"),
                                        new Member("bd-c-02", "刘佳琳", "MEMBER")),
                                List.of(new Chat("SANDBOX", "bd-center-3", null, "保定市中心组工作联络群"))),
                        new WorkGroup("保定市中心组", "保定市", "中国环境科学研究院", "CENTRAL", "2026年第4轮",
                                List.of(new Member("bd-c-11", "陈思涵", "LEADER"),
                                        new Member("13900000000", "周立新", "MEMBER")),
                                List.of(new Chat("WECOM_WEBHOOK", "bd-hook", "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa",
                                                "保定市中心组"),
                                        new Chat("WECHATY", "R:10696051747128352", null, null))),
                        new WorkGroup("西安市第一组", "西安市", "中国环境监测总站", "ORDINARY", "2026年第4轮",
                                List.of(new Member("xa-1-01", "杨海燕", "副组长")), List.of()),
                        new WorkGroup("特别一组", "保定市", "生态环境部环境规划院", "SPECIAL", "2026年第4轮",
                                List.of(), List.of(new Chat("WECOM_ROBOT", "wrkSFfCgAAxxxx", null, "特别一组"))),
                        new WorkGroup("临时组甲", null, null, "临时组", "2026年第4轮", List.of(),
                                List.of(new Chat("WECOM_APPCHAT", "tmp-1", null, null)))),
                List.of(new Chat("SANDBOX", "bureau", null, "执法局工作联络群"),
                        new Chat("QQ", "12345", null, "执法局值班群")),
                List.of(new Person("zfj-01", "赵文静"), new Person("zfj-02", "孙浩然")));
    }

    @Test
    void writtenDirectoryReadsBackEqual() {
        DirectoryDocument document = sample();

        DirectoryWorkbook.ReadResult result = workbook.read(new ByteArrayInputStream(workbook.write(document)));

        assertThat(result.document()).isEqualTo(document);
    }

    @Test
    void writtenDirectoryReadsBackWithTheRowOfEveryEntry() {
        DirectoryWorkbook.ReadResult result = workbook.read(new ByteArrayInputStream(workbook.write(sample())));

        assertThat(result.locations()).containsExactly(
                entry("units[0]", "「包保单位」表第2行"),
                entry("units[1]", "「包保单位」表第3行"),
                entry("units[2]", "「包保单位」表第4行"),
                entry("cities[0]", "「城市」表第2行"),
                entry("cities[1]", "「城市」表第3行"),
                entry("rounds[0]", "「轮次」表第2行"),
                entry("rounds[1]", "「轮次」表第3行"),
                entry("workGroups[0]", "「工作组」表第2行"),
                entry("workGroups[1]", "「工作组」表第3行"),
                entry("workGroups[2]", "「工作组」表第4行"),
                entry("workGroups[3]", "「工作组」表第5行"),
                entry("workGroups[4]", "「工作组」表第6行"),
                entry("workGroups[0].members[0]", "「成员」表第2行"),
                entry("workGroups[0].members[1]", "「成员」表第3行"),
                entry("workGroups[1].members[0]", "「成员」表第4行"),
                entry("workGroups[1].members[1]", "「成员」表第5行"),
                entry("workGroups[2].members[0]", "「成员」表第6行"),
                entry("bureauChats[0]", "「群聊」表第2行"),
                entry("bureauChats[1]", "「群聊」表第3行"),
                entry("workGroups[0].chats[0]", "「群聊」表第4行"),
                entry("workGroups[1].chats[0]", "「群聊」表第5行"),
                entry("workGroups[1].chats[1]", "「群聊」表第6行"),
                entry("workGroups[3].chats[0]", "「群聊」表第7行"),
                entry("workGroups[4].chats[0]", "「群聊」表第8行"),
                entry("bureauStaff[0]", "「执法局人员」表第2行"),
                entry("bureauStaff[1]", "「执法局人员」表第3行"));
    }

    @Test
    void demoOrganisationSurvivesTheRoundTrip() {
        DirectoryDocument demo = new DemoOrganisation(Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"),
                ZoneId.of("Asia/Shanghai"))).build();

        DirectoryWorkbook.ReadResult result = workbook.read(new ByteArrayInputStream(workbook.write(demo)));

        assertThat(result.document()).isEqualTo(demo);
        assertThat(result.locations()).containsEntry("cities[38]", "「城市」表第40行");
    }

    @Test
    void writerUsesChineseKindsAndRolesAndIsoDatesAsText() throws Exception {
        try (XSSFWorkbook written = open(workbook.write(sample()))) {
            XSSFSheet groups = written.getSheet("工作组");
            assertThat(rowTexts(groups, 1)).containsExactly("保定市中心组", "保定市", "中国环境科学研究院", "中心组", "2026年第3轮");
            assertThat(rowTexts(groups, 4)).containsExactly("特别一组", "保定市", "生态环境部环境规划院", "特别组", "2026年第4轮");
            assertThat(rowTexts(written.getSheet("成员"), 1))
                    .containsExactly("保定市中心组", "2026年第3轮", "bd-c-01", "张建华", "组长");
            assertThat(rowTexts(written.getSheet("城市"), 1))
                    .containsExactly("保定市", "中国环境科学研究院", "生态环境部环境规划院、中国环境监测总站");
            assertThat(rowTexts(written.getSheet("群聊"), 1)).containsExactly("", "", "SANDBOX", "bureau", "", "执法局工作联络群");
            XSSFCell start = written.getSheet("轮次").getRow(1).getCell(1);
            assertThat(start.getStringCellValue()).isEqualTo("2026-09-01");
            XSSFCell phone = written.getSheet("包保单位").getRow(1).getCell(1);
            assertThat(phone.getStringCellValue()).isEqualTo("13800000000");
            assertThat(phone.getCellStyle().getDataFormatString()).isEqualTo("@");
        }
    }

    @Test
    void templateReadsBackAsAnEmptyDirectory() {
        DirectoryWorkbook.ReadResult result = workbook.read(new ByteArrayInputStream(workbook.template()));

        assertThat(result.document()).isEqualTo(new DirectoryDocument(null, null, null, null, null, null));
        assertThat(result.locations()).isEmpty();
    }

    @Test
    void templateHasInstructionsBoldHeadersAndGreyExampleRows() throws Exception {
        try (XSSFWorkbook template = open(workbook.template())) {
            List<String> names = new ArrayList<>();
            template.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactly("说明", "包保单位", "城市", "轮次", "工作组", "成员", "群聊", "执法局人员");
            assertThat(template.getSheet("说明").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("工作联络群组织架构导入表：填写说明");

            XSSFSheet members = template.getSheet("成员");
            assertThat(rowTexts(members, 0)).containsExactly("工作组", "轮次", "账号", "姓名", "角色");
            assertThat(members.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
            assertThat(rowTexts(members, 1)).containsExactly("示例：保定市中心组", "2026年第4轮", "bd-c-01", "王晓明", "组长");
            XSSFCell example = members.getRow(1).getCell(0);
            assertThat(example.getCellStyle().getFont().getItalic()).isTrue();
            assertThat(example.getCellStyle().getFont().getColor()).isEqualTo(IndexedColors.GREY_50_PERCENT.getIndex());
            assertThat(members.getColumnWidth(0)).isEqualTo(24 * 256);
            assertThat(members.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);

            for (String title : List.of("包保单位", "城市", "轮次", "工作组", "成员", "群聊", "执法局人员")) {
                XSSFSheet sheet = template.getSheet(title);
                assertThat(sheet.getLastRowNum()).as(title).isEqualTo(1);
                assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).as(title).startsWith("示例");
            }
        }
    }

    @Test
    void templateOffersDropDownsForKindRoleAndChannel() throws Exception {
        try (XSSFWorkbook template = open(workbook.template())) {
            assertThat(dropDown(template.getSheet("工作组"), 3)).containsExactly("中心组", "普通组", "特别组");
            assertThat(dropDown(template.getSheet("成员"), 4)).containsExactly("组长", "组员");
            assertThat(dropDown(template.getSheet("群聊"), 2)).containsExactly(
                    "SANDBOX", "WECOM_ROBOT", "WECOM_APPCHAT", "WECOM_WEBHOOK", "WECHATY",
                    "模拟群聊", "智能机器人", "应用群聊", "群机器人Webhook", "个人微信");
            DataValidation kind = template.getSheet("工作组").getDataValidations().get(0);
            assertThat(kind.getRegions().getCellRangeAddress(0).formatAsString()).isEqualTo("D2:D20001");
            assertThat(template.getSheet("城市").getDataValidations()).isEmpty();
        }
    }

    @Test
    void rowsTypedUnderTheExampleOfTheTemplateAreRead() {
        TestWorkbook filled = TestWorkbook.of(workbook.template())
                .row("包保单位", "中国环境科学研究院", 13800000000L, "王晓明");

        DirectoryWorkbook.ReadResult result = workbook.read(filled.stream());

        assertThat(result.document().units())
                .containsExactly(new Unit("中国环境科学研究院", new Person("13800000000", "王晓明")));
        assertThat(result.locations()).containsExactly(entry("units[0]", "「包保单位」表第3行"));
    }

    private static XSSFWorkbook open(byte[] bytes) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private static List<String> rowTexts(Sheet sheet, int index) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < sheet.getRow(index).getLastCellNum(); i++) {
            var cell = sheet.getRow(index).getCell(i);
            texts.add(cell == null ? "" : cell.getStringCellValue());
        }
        return texts;
    }

    private static List<String> dropDown(XSSFSheet sheet, int column) {
        String[] choices = sheet.getDataValidations().stream()
                .filter(validation -> validation.getRegions().getCellRangeAddress(0).getFirstColumn() == column)
                .findFirst().orElseThrow()
                .getValidationConstraint().getExplicitListValues();
        return choices == null ? List.of() : List.of(choices);
    }

    private static Map.Entry<String, String> entry(String key, String value) {
        return Map.entry(key, value);
    }
}
