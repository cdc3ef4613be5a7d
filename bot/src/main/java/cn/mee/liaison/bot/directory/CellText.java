package cn.mee.liaison.bot.directory;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;

import java.math.BigDecimal;

/**
 * What a cell says, as text: trimmed (also of full-width and no-break spaces), whole numbers without a fraction or
 * exponent (a phone number 13800000000 stays {@code 13800000000}, an id 1001 stays {@code 1001}), date cells as
 * {@code YYYY-MM-DD}; {@code null} for a blank cell.
 */
final class CellText {

    /** Above this a double no longer holds every whole number exactly. */
    private static final double LARGEST_EXACT = 9_007_199_254_740_992d;

    private CellText() {
    }

    static String of(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        String text = switch (type) {
            case STRING -> cell.getRichStringCellValue().getString();
            case NUMERIC -> number(cell);
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> errorText(cell.getErrorCellValue());
            default -> null;
        };
        return blankToNull(text);
    }

    static String blankToNull(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.replace('\u00A0', ' ').replace('\uFEFF', ' ').strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static String number(Cell cell) {
        double value = cell.getNumericCellValue();
        if (DateUtil.isValidExcelDate(value) && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        if (value == Math.rint(value) && Math.abs(value) < LARGEST_EXACT) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** #N/A, #REF! …: kept, so that the validator shows the user what the cell says. */
    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#ERROR";
        }
    }
}
