package cn.mee.liaison.bot.directory;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The directory as an Excel workbook in Chinese: a 说明 sheet, then one sheet per part (包保单位, 城市, 轮次, 工作组,
 * 成员, 群聊, 执法局人员), header in row 1, data from row 2. {@code read(write(doc))} gives {@code doc} back.
 */
@Component
public class DirectoryWorkbook {

    /**
     * A workbook read into a document.
     *
     * @param locations for each entry's path ({@code units[0]}, {@code workGroups[3].members[1]},
     *                  {@code bureauChats[0]} …) the row it came from, e.g. {@code 「工作组」表第5行}
     */
    public record ReadResult(DirectoryDocument document, Map<String, String> locations) {
        public ReadResult {
            locations = Collections.unmodifiableMap(new LinkedHashMap<>(locations));
        }
    }

    /**
     * Reads an uploaded .xlsx. Example rows (first cell starting with 示例) and empty rows are skipped; kinds,
     * roles and channels become enum names where recognised and stay as written otherwise.
     *
     * @throws DirectoryRejected with every problem found, each naming sheet and row, when the file is not a
     *                           readable directory workbook (not .xlsx, too large, a sheet or header missing, a
     *                           member or chat naming an unknown or ambiguous work group, too many rows)
     */
    public ReadResult read(InputStream xlsx) {
        try (XSSFWorkbook workbook = UploadedWorkbook.open(xlsx)) {
            return new DirectoryWorkbookReader(workbook).read();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the uploaded workbook", e);
        }
    }

    /** The empty form to fill in: instructions, headers, drop-downs and one greyed example row per sheet. */
    public byte[] template() {
        return new DirectoryWorkbookWriter(true).write(new DirectoryDocument(null, null, null, null, null, null));
    }

    /** The whole directory in the same form as the template, without the example rows. */
    public byte[] write(DirectoryDocument document) {
        return new DirectoryWorkbookWriter(false).write(document);
    }
}
