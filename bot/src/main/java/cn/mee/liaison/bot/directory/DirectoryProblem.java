package cn.mee.liaison.bot.directory;

/**
 * One thing wrong with a directory document.
 *
 * @param location where, as the user knows it: a JSON path such as {@code workGroups[3].city} or an Excel row
 *                 such as {@code 「工作组」表第5行}
 * @param message  what is wrong, in Chinese
 */
public record DirectoryProblem(String location, String message) {

    @Override
    public String toString() {
        return location + "：" + message;
    }
}
