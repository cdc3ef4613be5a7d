package cn.mee.liaison.bot.directory;

import java.util.Map;

/**
 * One non-empty data row of a directory sheet.
 *
 * @param number the row number as Excel shows it (the header is row 1)
 * @param values the non-blank cells by header; a header of the sheet that is absent here was blank
 */
record SheetRow(DirectorySheet sheet, int number, Map<String, String> values) {

    /** The cell under this header, trimmed; {@code null} when blank or when the optional column is left out. */
    String text(String header) {
        if (sheet.columns().stream().noneMatch(column -> column.header().equals(header))) {
            throw new IllegalArgumentException(sheet.label() + " has no column " + header);
        }
        return values.get(header);
    }

    /** 「成员」表第12行 */
    String location() {
        return sheet.rowLabel(number);
    }
}
