package db.migration.common;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Fills {@code search_text} of the messages filed before V20 (new ones get it when filed). */
public class V20_1__BackfillMessageSearchText extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        MessageSearchTexts.rewriteAll(context.getConnection());
    }
}
