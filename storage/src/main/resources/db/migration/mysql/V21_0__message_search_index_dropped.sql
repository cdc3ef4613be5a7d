-- V21_1 writes every message's search_text anew (the paired tags): without the index, built again by V21_2.
DROP INDEX ft_filed_message_search ON filed_message;
