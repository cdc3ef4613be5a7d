-- The embedded H2 database needs nothing of its own yet; MySQL/MariaDB set their character set in their V0_1.
SELECT 1;
