-- Optimistic locking for the name lexicon: a column added in place (no table rebuild).
ALTER TABLE "NameLexiconEntry" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
