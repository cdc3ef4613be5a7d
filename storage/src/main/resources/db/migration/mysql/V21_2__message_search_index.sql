-- The FULLTEXT index of V20_2, built again once V21_1 rewrote search_text with the paired tags. By copying the
-- table: MariaDB 10.11 building it in place over rows updated since the index was dropped gives an index that finds
-- nothing (MessageSearchTextMigrationTest); a copy also starts the index compact.
ALTER TABLE filed_message ADD FULLTEXT INDEX ft_filed_message_search (search_text), ALGORITHM=COPY;
