package cn.mee.liaison.bot.directory;

import cn.mee.liaison.bot.directory.DirectoryDocument.Person;
import cn.mee.liaison.bot.directory.DirectoryDocument.WorkGroup;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Writes a directory document, or the empty template, as the Chinese directory workbook. */
final class DirectoryWorkbookWriter {

    private final boolean withExamples;

    /** @param withExamples whether each sheet gets its greyed 示例 row (the template) */
    DirectoryWorkbookWriter(boolean withExamples) {
        this.withExamples = withExamples;
    }

    byte[] write(DirectoryDocument document) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            InstructionsSheet.write(workbook);
            Styles styles = new Styles(workbook);
            for (DirectorySheet layout : DirectorySheet.values()) {
                Sheet sheet = workbook.createSheet(layout.title());
                prepare(sheet, layout, styles);
                if (withExamples) {
                    append(sheet, layout.example(), styles.example);
                }
                for (List<String> values : rows(layout, document)) {
                    append(sheet, values, styles.text);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the directory workbook", e);
        }
    }

    /** Header row, widths, text format for typed-in ids, drop-downs, frozen header. */
    private static void prepare(Sheet sheet, DirectorySheet layout, Styles styles) {
        List<DirectorySheet.Column> columns = layout.columns();
        append(sheet, columns.stream().map(DirectorySheet.Column::header).toList(), styles.header);
        DataValidationHelper validations = sheet.getDataValidationHelper();
        for (int i = 0; i < columns.size(); i++) {
            DirectorySheet.Column column = columns.get(i);
            sheet.setColumnWidth(i, Math.min(255, column.width()) * 256);
            sheet.setDefaultColumnStyle(i, styles.text);
            if (!column.choices().isEmpty()) {
                DataValidation validation = validations.createValidation(
                        validations.createExplicitListConstraint(column.choices().toArray(String[]::new)),
                        new CellRangeAddressList(1, DirectorySheet.MAX_ROWS, i, i));
                validation.setSuppressDropDownArrow(true); // in XSSF, true shows the arrow
                validation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
                validation.createErrorBox("不在下拉列表中", "请从下拉列表中选择" + column.header() + "。");
                validation.setShowErrorBox(true);
                sheet.addValidationData(validation);
            }
        }
        sheet.createFreezePane(0, 1);
    }

    private static List<List<String>> rows(DirectorySheet layout, DirectoryDocument document) {
        return switch (layout) {
            case UNITS -> document.units().stream()
                    .map(unit -> values(unit.name(), userId(unit.coordinator()), name(unit.coordinator()))).toList();
            case CITIES -> document.cities().stream()
                    .map(city -> values(city.name(), city.leadUnit(), joined(city.coUnits()))).toList();
            case ROUNDS -> document.rounds().stream()
                    .map(round -> values(round.name(), round.start(), round.end())).toList();
            case WORK_GROUPS -> document.workGroups().stream()
                    .map(group -> values(group.name(), group.city(), group.unit(),
                            DirectoryTerms.kindLabel(group.kind()), group.round())).toList();
            case MEMBERS -> document.workGroups().stream().flatMap(group -> group.members().stream()
                    .map(member -> values(group.name(), group.round(), member.userId(), member.name(),
                            DirectoryTerms.roleLabel(member.role())))).toList();
            case CHATS -> Stream.concat(
                    document.bureauChats().stream().map(chat -> chatValues(null, chat)),
                    document.workGroups().stream().flatMap(group -> group.chats().stream()
                            .map(chat -> chatValues(group, chat)))).toList();
            case BUREAU_STAFF -> document.bureauStaff().stream()
                    .map(person -> values(person.userId(), person.name())).toList();
        };
    }

    private static List<String> chatValues(WorkGroup group, DirectoryDocument.Chat chat) {
        return values(group == null ? null : group.name(), group == null ? null : group.round(),
                chat.channel(), chat.chatId(), chat.webhookKey(), chat.name());
    }

    private static void append(Sheet sheet, List<String> values, CellStyle style) {
        Row row = sheet.createRow(sheet.getPhysicalNumberOfRows());
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value != null && !value.isEmpty()) {
                Cell cell = row.createCell(i);
                cell.setCellValue(value);
                cell.setCellStyle(style);
            }
        }
    }

    /** A row's values; {@code null} and "" stay empty cells. */
    private static List<String> values(String... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    private static String userId(Person person) {
        return person == null ? null : person.userId();
    }

    private static String name(Person person) {
        return person == null ? null : person.name();
    }

    private static String joined(List<String> names) {
        return names.isEmpty() ? null : String.join("、", names);
    }

    /** The cell styles of the data sheets; all of them keep what is typed as text. */
    private static final class Styles {
        private final CellStyle header;
        private final CellStyle text;
        private final CellStyle example;

        Styles(XSSFWorkbook workbook) {
            short textFormat = workbook.createDataFormat().getFormat("@");
            text = workbook.createCellStyle();
            text.setDataFormat(textFormat);

            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setDataFormat(textFormat);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);

            Font grey = workbook.createFont();
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            grey.setItalic(true);
            example = workbook.createCellStyle();
            example.setDataFormat(textFormat);
            example.setFont(grey);
        }
    }
}
