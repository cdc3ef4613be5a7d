-- FULLTEXT on the Han bigrams (SearchText), with the server's default parser: MariaDB has no ngram parser, and the
-- padded bigrams are three characters long, the default innodb_ft_min_token_size. Built once V20_1 filled the column.
CREATE FULLTEXT INDEX ft_filed_message_search ON filed_message (search_text);
