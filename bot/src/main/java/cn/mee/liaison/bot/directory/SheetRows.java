package cn.mee.liaison.bot.directory;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the sheets of a directory workbook and their columns by header, and gives their data rows: empty rows and
 * example rows (first cell starting with 示例) left out. What makes a sheet unreadable (missing, a header missing,
 * too many rows) is added to the problems.
 */
final class SheetRows {

    static final String WORKBOOK = "工作簿";
    private static final String EXAMPLE_MARK = "示例";

    private final Workbook workbook;
    private final List<DirectoryProblem> problems;

    SheetRows(Workbook workbook, List<DirectoryProblem> problems) {
        this.workbook = workbook;
        this.problems = problems;
    }

    /** The sheet's non-empty, non-example data rows; empty when the sheet cannot be read (a problem says why). */
    Optional<List<SheetRow>> of(DirectorySheet layout) {
        Sheet sheet = sheet(layout.title());
        if (sheet == null) {
            if (!layout.required()) {
                return Optional.of(List.of());
            }
            problems.add(new DirectoryProblem(WORKBOOK, "缺少" + layout.label()));
            return Optional.empty();
        }
        Map<String, Integer> columns = columns(layout, sheet);
        if (columns == null) {
            return Optional.empty();
        }
        List<SheetRow> rows = new ArrayList<>();
        for (Row row : sheet) {
            if (row.getRowNum() == 0 || isExample(row)) {
                continue;
            }
            Map<String, String> values = new HashMap<>();
            columns.forEach((header, index) -> {
                String text = CellText.of(row.getCell(index));
                if (text != null) {
                    values.put(header, text);
                }
            });
            if (values.isEmpty()) {
                continue;
            }
            if (rows.size() == DirectorySheet.MAX_ROWS) {
                problems.add(new DirectoryProblem(layout.label(),
                        "数据超过" + DirectorySheet.MAX_ROWS + "行的上限，请拆分后分批导入"));
                return Optional.empty();
            }
            rows.add(new SheetRow(layout, row.getRowNum() + 1, values));
        }
        return Optional.of(rows);
    }

    /** Where each header of the layout is; {@code null} when a required header is missing (a problem says which). */
    private Map<String, Integer> columns(DirectorySheet layout, Sheet sheet) {
        Map<String, Integer> found = new HashMap<>();
        Row header = sheet.getRow(0);
        if (header != null) {
            header.forEach(cell -> {
                String text = CellText.of(cell);
                if (text != null) {
                    found.putIfAbsent(DirectorySheet.Column.key(text), cell.getColumnIndex());
                }
            });
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        boolean complete = true;
        for (DirectorySheet.Column column : layout.columns()) {
            Integer index = found.get(DirectorySheet.Column.key(column.header()));
            if (index != null) {
                columns.put(column.header(), index);
            } else if (!column.optional()) {
                problems.add(new DirectoryProblem(layout.rowLabel(1), "缺少表头\"" + column.header() + "\""));
                complete = false;
            }
        }
        return complete ? columns : null;
    }

    private Sheet sheet(String title) {
        for (Sheet sheet : workbook) {
            if (sheet.getSheetName().strip().equals(title)) {
                return sheet;
            }
        }
        return null;
    }

    private static boolean isExample(Row row) {
        String first = CellText.of(row.getCell(0));
        return first != null && first.startsWith(EXAMPLE_MARK);
    }
}
