package cn.mee.liaison.bot.directory;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DirectoryWorkbookProblemsTest {

    private static final String ROUND = "2026年第4轮";

    private final DirectoryWorkbook workbook = new DirectoryWorkbook();

    @Test
    void aMemberOfAnUnknownGroupIsNamedWithSheetAndRow() {
        TestWorkbook input = TestWorkbook.withAllSheets()
                .row("工作组", "保定市第一组", "保定市", "甲单位", "普通组", ROUND)
                .rowAt("成员", 12, "保定市第三组", null, "u1", "张建华", "组长");

        DirectoryRejected rejected = rejected(input.bytes());

        assertThat(rejected.problems()).extracting(DirectoryProblem::toString)
                .containsExactly("「成员」表第12行：工作组\"保定市第三组\"不在「工作组」表中");
        assertThat(rejected.problems().get(0).location()).isEqualTo("「成员」表第12行");
    }

    @Test
    void everyProblemIsReportedTogether() {
        TestWorkbook input = TestWorkbook.withAllSheets()
                .remove("轮次")
                .sheet("城市", "城市", "共同负责单位")
                .row("工作组", "保定市中心组", "保定市", "甲单位", "中心组", "2026年第3轮")
                .row("工作组", "保定市中心组", "保定市", "甲单位", "中心组", ROUND)
                .row("成员", "保定市第三组", null, "u1", "张建华", "组长")
                .row("成员", null, ROUND, "u2", "刘佳琳", "组员")
                .row("成员", "保定市中心组", null, "u3", "陈思涵", "组长")
                .row("成员", "保定市中心组", "2025年第1轮", "u4", "周立新", "组员")
                .row("成员", "保定市中心组", ROUND, "u5", "杨海燕", "组员")
                .row("群聊", null, null, "SANDBOX", "bureau")
                .row("群聊", "西安市中心组", null, "SANDBOX", "xa-center");

        DirectoryRejected rejected = rejected(input.bytes());

        assertThat(rejected.problems()).containsExactly(
                new DirectoryProblem("「城市」表第1行", "缺少表头\"牵头负责单位\""),
                new DirectoryProblem("工作簿", "缺少「轮次」表"),
                new DirectoryProblem("「成员」表第2行", "工作组\"保定市第三组\"不在「工作组」表中"),
                new DirectoryProblem("「成员」表第3行", "未填写工作组"),
                new DirectoryProblem("「成员」表第4行", "工作组\"保定市中心组\"在「工作组」表中属于多个轮次，请填写轮次"),
                new DirectoryProblem("「成员」表第5行", "工作组\"保定市中心组\"（轮次\"2025年第1轮\"）不在「工作组」表中"),
                new DirectoryProblem("「群聊」表第3行", "工作组\"西安市中心组\"不在「工作组」表中"));
        assertThat(rejected.getMessage()).isEqualTo(
                "「城市」表第1行：缺少表头\"牵头负责单位\"；工作簿：缺少「轮次」表；"
                        + "「成员」表第2行：工作组\"保定市第三组\"不在「工作组」表中；「成员」表第3行：未填写工作组；"
                        + "「成员」表第4行：工作组\"保定市中心组\"在「工作组」表中属于多个轮次，请填写轮次；"
                        + "「成员」表第5行：工作组\"保定市中心组\"（轮次\"2025年第1轮\"）不在「工作组」表中；"
                        + "「群聊」表第3行：工作组\"西安市中心组\"不在「工作组」表中");
    }

    @Test
    void everyMissingHeaderIsNamedButOptionalOnesAreNot() {
        TestWorkbook input = TestWorkbook.withAllSheets().sheet("成员", "工作组", "姓名");

        assertThat(rejected(input.bytes()).problems()).containsExactly(
                new DirectoryProblem("「成员」表第1行", "缺少表头\"账号\""),
                new DirectoryProblem("「成员」表第1行", "缺少表头\"角色\""));
    }

    @Test
    void withoutTheWorkGroupSheetMembersAndChatsAreNotBlamedOneByOne() {
        TestWorkbook input = TestWorkbook.withAllSheets()
                .remove("工作组")
                .row("成员", "保定市中心组", null, "u1", "张建华", "组长")
                .row("群聊", "保定市中心组", null, "SANDBOX", "bd-center");

        assertThat(rejected(input.bytes()).problems())
                .containsExactly(new DirectoryProblem("工作簿", "缺少「工作组」表"));
    }

    @Test
    void everyRequiredSheetMissingIsNamed() {
        TestWorkbook input = TestWorkbook.withAllSheets();
        for (String title : List.of("包保单位", "城市", "轮次", "工作组", "成员", "群聊", "执法局人员")) {
            input.remove(title);
        }

        assertThat(rejected(input.bytes()).problems()).extracting(DirectoryProblem::message).containsExactly(
                "缺少「包保单位」表", "缺少「城市」表", "缺少「轮次」表", "缺少「工作组」表", "缺少「成员」表", "缺少「群聊」表");
    }

    @Test
    void aFileThatIsNoWorkbookIsRefused() {
        assertThat(rejected("单位名称,协调联络员账号\n".getBytes()).problems())
                .containsExactly(new DirectoryProblem("文件", "不是 Excel 工作簿（.xlsx）文件"));
        assertThat(rejected(new byte[0]).problems())
                .containsExactly(new DirectoryProblem("文件", "文件是空的"));
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertThat(rejected(ole2).problems()).extracting(DirectoryProblem::message).singleElement()
                .asString().contains("旧版 .xls").contains("另存为");
    }

    @Test
    void aZipThatIsNoWorkbookOrIsBrokenIsRefused() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("不是工作簿".getBytes());
        }
        byte[] broken = Arrays.copyOf(new byte[] {'P', 'K', 3, 4, 9, 9, 9}, 200);

        assertThat(rejected(zipped.toByteArray()).problems())
                .containsExactly(new DirectoryProblem("文件", "文件已损坏或不是有效的 Excel 工作簿（.xlsx）文件，无法读取"));
        assertThat(rejected(broken).problems()).extracting(DirectoryProblem::location).containsExactly("文件");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedUnread() {
        byte[] huge = new byte[UploadedWorkbook.MAX_FILE_BYTES + 1];
        huge[0] = 'P';
        huge[1] = 'K';
        huge[2] = 3;
        huge[3] = 4;

        assertThat(rejected(huge).problems())
                .containsExactly(new DirectoryProblem("文件", "文件超过20MB，请拆分后分批导入"));
    }

    @Test
    void aFileThatUnpacksToTooMuchIsRefused() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i <= UploadedWorkbook.MAX_UNPACKED_BYTES / zeros.length; i++) {
                zip.write(zeros);
            }
        }

        assertThat(zipped.size()).isLessThan(1024 * 1024);
        assertThat(rejected(zipped.toByteArray()).problems())
                .containsExactly(new DirectoryProblem("文件", "文件解压后超过100MB，疑似异常文件，已拒绝"));
    }

    @Test
    void aSheetWithMoreThanTwentyThousandRowsIsRefused() {
        TestWorkbook input = TestWorkbook.withAllSheets();
        for (int i = 1; i <= DirectorySheet.MAX_ROWS + 1; i++) {
            input.row("执法局人员", "u" + i, "人员" + i);
        }

        assertThat(rejected(input.bytes()).problems())
                .containsExactly(new DirectoryProblem("「执法局人员」表", "数据超过20000行的上限，请拆分后分批导入"));
    }

    private DirectoryRejected rejected(byte[] xlsx) {
        DirectoryRejected rejected = catchThrowableOfType(DirectoryRejected.class,
                () -> workbook.read(new ByteArrayInputStream(xlsx)));
        assertThat(rejected).as("the workbook should have been refused").isNotNull();
        return rejected;
    }
}
