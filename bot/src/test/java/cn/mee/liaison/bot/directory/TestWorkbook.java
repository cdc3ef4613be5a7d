package cn.mee.liaison.bot.directory;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/** A workbook built cell by cell in a test, as a user's Excel would save it. */
final class TestWorkbook {

    /** A real Excel date cell with the given number format. */
    record DateCell(LocalDate date, String format) {
    }

    /** A formula cell; its cached value is computed before saving. */
    record FormulaCell(String formula) {
    }

    private final XSSFWorkbook workbook;
    private boolean hasFormulas;

    private TestWorkbook(XSSFWorkbook workbook) {
        this.workbook = workbook;
    }

    /** Every data sheet with its standard headers and no rows. */
    static TestWorkbook withAllSheets() {
        TestWorkbook test = new TestWorkbook(new XSSFWorkbook());
        for (DirectorySheet layout : DirectorySheet.values()) {
            test.sheet(layout.title(), layout.columns().stream().map(DirectorySheet.Column::header)
                    .toArray(String[]::new));
        }
        return test;
    }

    /** Opens bytes written elsewhere (e.g. by the writer) for editing. */
    static TestWorkbook of(byte[] xlsx) {
        try {
            return new TestWorkbook(new XSSFWorkbook(new ByteArrayInputStream(xlsx)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces (or adds) a sheet with just this header row. */
    TestWorkbook sheet(String title, String... headers) {
        remove(title);
        Sheet sheet = workbook.createSheet(title);
        fill(sheet.createRow(0), headers);
        return this;
    }

    TestWorkbook remove(String title) {
        int index = workbook.getSheetIndex(title);
        if (index >= 0) {
            workbook.removeSheetAt(index);
        }
        return this;
    }

    /** Appends a row after the last one. */
    TestWorkbook row(String title, Object... cells) {
        Sheet sheet = workbook.getSheet(title);
        fill(sheet.createRow(sheet.getLastRowNum() + 1), cells);
        return this;
    }

    /** Writes a row at the row number Excel shows (1 = header). */
    TestWorkbook rowAt(String title, int excelRow, Object... cells) {
        fill(workbook.getSheet(title).createRow(excelRow - 1), cells);
        return this;
    }

    XSSFWorkbook workbook() {
        return workbook;
    }

    byte[] bytes() {
        if (hasFormulas) {
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InputStream stream() {
        return new ByteArrayInputStream(bytes());
    }

    private void fill(Row row, Object... values) {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof String text) {
                cell.setCellValue(text);
            } else if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof Boolean flag) {
                cell.setCellValue(flag);
            } else if (value instanceof DateCell date) {
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(workbook.createDataFormat().getFormat(date.format()));
                cell.setCellValue(date.date());
                cell.setCellStyle(style);
            } else if (value instanceof FormulaCell formula) {
                cell.setCellFormula(formula.formula());
                hasFormulas = true;
            } else {
                throw new IllegalArgumentException("unsupported cell value " + value);
            }
        }
    }
}
