-- Chinese text everywhere: make the schema's default character set utf8mb4 whatever the server's default is.
ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
