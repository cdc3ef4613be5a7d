package cn.mee.liaison.bot.directory;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.util.List;

/** The first sheet of the directory workbook, 说明: how to fill in the others. */
final class InstructionsSheet {

    static final String TITLE = "说明";

    private static final List<String> LINES = List.of(
            "# 工作联络群组织架构导入表：填写说明",
            "本工作簿用于一次性导入或导出联络群机器人的组织架构：包保单位、被监督帮扶城市、轮次、工作组及其成员和群聊、执法局群和执法局人员。",
            "",
            "# 通用规则",
            "1. 除本页外共7张表：包保单位、城市、轮次、工作组、成员、群聊、执法局人员（执法局人员表可以没有）。请勿修改表名和第1行的表头，表头所在列的顺序可以调整。",
            "2. 从第2行起每行填写一条；空行会被跳过。每张表最多填写" + DirectorySheet.MAX_ROWS + "行，文件不超过"
                    + UploadedWorkbook.MAX_FILE_BYTES / 1024 / 1024 + "MB。",
            "3. 灰色斜体、第一格以“示例”开头的行是示例，导入时自动忽略，可保留也可删除；请勿让真实数据的第一格以“示例”开头。",
            "4. 名称须前后一致：城市表、工作组表中的单位名称须与包保单位表一致；工作组表中的城市、轮次须与城市表、轮次表一致；成员表、群聊表中的工作组须与工作组表一致。",
            "5. 账号是人员在聊天平台上的用户ID（企业微信 userid、个人微信 id 或模拟群聊中的账号）。手机号、工号等长数字可直接填写，会按文本读取。",
            "6. 导入时整体校验：只要有一处问题，整个文件都不会写入，并一次列出所有问题所在的表和行号；改正后重新导入即可。",
            "",
            "# 各表填写方法",
            "「包保单位」每个单位一行：单位名称、协调联络员账号、协调联络员姓名。每个单位有且只有一名协调联络员（细则第十一条(二)）。",
            "「城市」每个被监督帮扶城市一行：城市、牵头负责单位（一个）、共同负责单位（可填多个，用“、”“,”或“；”分隔）（细则第三条）。",
            "「轮次」每个轮次一行：轮次名称（如“2026年第4轮”）、开始日期、结束日期。日期可填 2026-11-01、2026/11/1、2026年11月1日，或使用 Excel 日期格式。",
            "「工作组」每个工作组一行：工作组名称、城市、包保单位、类型、轮次。类型为 中心组（每个城市每轮一个，细则第四条）、普通组（第五条）或 特别组（由执法局直接调度，第六条），也可填 CENTRAL / ORDINARY / SPECIAL。同一轮次内工作组名称不能重复。",
            "「成员」每人一行：工作组、轮次、账号、姓名、角色。角色为 组长 或 组员（也可填 LEADER / MEMBER），每个工作组有且只有一名组长。工作组名称只在一个轮次中出现时，轮次可以不填；同名工作组出现在多个轮次时必须填写轮次。",
            "「群聊」每个群一行：工作组、轮次、渠道、群ID、Webhook Key、群名称。工作组留空表示执法局群（如执法局工作联络群、执法局值班群）。",
            "    渠道：SANDBOX（模拟群聊，控制台内置的演示群）、WECOM_ROBOT（企业微信智能机器人）、WECOM_APPCHAT（企业微信自建应用群聊）、WECOM_WEBHOOK（企业微信群机器人Webhook，仅能发送，须填写 Webhook Key）、WECHATY（个人微信，群ID为微信群的 room id）。也可填括号中的中文名称：模拟群聊、智能机器人、应用群聊、群机器人Webhook、个人微信。",
            "「执法局人员」执法局参与联络群工作的人员，每人一行：账号、姓名。");

    private InstructionsSheet() {
    }

    static void write(XSSFWorkbook workbook) {
        Sheet sheet = workbook.createSheet(TITLE);
        sheet.setColumnWidth(0, 120 * 256);
        CellStyle body = workbook.createCellStyle();
        body.setWrapText(true);
        body.setVerticalAlignment(VerticalAlignment.TOP);
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle heading = workbook.createCellStyle();
        heading.setFont(bold);
        for (int i = 0; i < LINES.size(); i++) {
            String line = LINES.get(i);
            Row row = sheet.createRow(i);
            if (line.startsWith("# ")) {
                row.createCell(0).setCellValue(line.substring(2));
                row.getCell(0).setCellStyle(heading);
            } else if (!line.isEmpty()) {
                row.createCell(0).setCellValue(line);
                row.getCell(0).setCellStyle(body);
            }
        }
    }
}
