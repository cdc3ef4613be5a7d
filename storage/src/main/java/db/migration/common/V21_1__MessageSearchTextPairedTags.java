package db.migration.common;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Writes {@code search_text} of the messages filed before V21 anew, with the tags of the pairs a search narrows by
 * (the type in its month, the unit and city in their month and with the type: {@code SearchText.of}). On MySQL/MariaDB
 * the FULLTEXT index is dropped before (V21_0) and built again after (V21_2): cheaper than keeping it up to date row
 * by row.
 */
public class V21_1__MessageSearchTextPairedTags extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        MessageSearchTexts.rewriteAll(context.getConnection());
    }
}
