-- Rank keys (fractional indexing) must sort by code point, as SQLite's BINARY collation and
-- JavaScript's `<` do. A database created with a language collation (en_US.UTF-8, the usual default)
-- would sort "a0" and "Zz" the other way round and scramble the ranking, whatever the server's locale.
ALTER TABLE "items" ALTER COLUMN "rank" TYPE text COLLATE "C";
