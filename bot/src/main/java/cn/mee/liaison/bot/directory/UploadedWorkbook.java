package cn.mee.liaison.bot.directory;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Opens an uploaded .xlsx within limits: the file's size, and the size it unpacks to (on top of POI's own zip-bomb
 * protection, which refuses entries that inflate too much), so that a hostile file cannot exhaust the memory.
 */
final class UploadedWorkbook {

    static final String LOCATION = "文件";
    static final int MAX_FILE_BYTES = 20 * 1024 * 1024;
    static final long MAX_UNPACKED_BYTES = 100L * 1024 * 1024;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private UploadedWorkbook() {
    }

    static XSSFWorkbook open(InputStream in) {
        byte[] bytes = readAtMost(in, MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            throw rejected("文件超过" + MAX_FILE_BYTES / 1024 / 1024 + "MB，请拆分后分批导入");
        }
        if (bytes.length == 0) {
            throw rejected("文件是空的");
        }
        if (startsWith(bytes, OLE2)) {
            throw rejected("这是旧版 .xls 文件或加密的文件，请在 Excel 中去掉密码并另存为“Excel 工作簿（.xlsx）”后再导入");
        }
        if (!startsWith(bytes, ZIP)) {
            throw rejected("不是 Excel 工作簿（.xlsx）文件");
        }
        requireModestUnpackedSize(bytes);
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw rejected("文件已损坏或不是有效的 Excel 工作簿（.xlsx）文件，无法读取");
        }
    }

    private static void requireModestUnpackedSize(byte[] bytes) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > MAX_UNPACKED_BYTES) {
                        throw rejected("文件解压后超过" + MAX_UNPACKED_BYTES / 1024 / 1024 + "MB，疑似异常文件，已拒绝");
                    }
                }
            }
        } catch (ZipException e) {
            // An unusual but possibly valid layout; POI decides, under its own limits.
        } catch (IOException e) {
            throw rejected("文件已损坏，无法解压");
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) {
        try {
            return in.readNBytes(limit);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the uploaded workbook", e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static DirectoryRejected rejected(String message) {
        return new DirectoryRejected(List.of(new DirectoryProblem(LOCATION, message)));
    }
}
