-- The keyword search's index text (SearchText: the Han bigrams of text, padded to three characters). Filled when a
-- message is filed; the messages filed before are filled by V20_1 (BackfillMessageSearchText). MySQL/MariaDB
-- index it with FULLTEXT (mysql/V20_2); H2 searches with LIKE alone.
ALTER TABLE filed_message ADD COLUMN search_text LONGTEXT;
