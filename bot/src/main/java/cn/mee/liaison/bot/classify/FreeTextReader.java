package cn.mee.liaison.bot.classify;

/** Infers the fields of one record type from free text, after the labelled fields were read. */
interface FreeTextReader {

    void fill(Draft draft);

    /** For types whose fields are all labelled or absent. */
    FreeTextReader NOTHING = draft -> { };
}
