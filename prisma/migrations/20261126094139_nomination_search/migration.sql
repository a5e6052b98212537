-- Trigram full-text index of Nomination.searchText (folded candidate and nominator names), so a
-- name search is an index look-up instead of a scan. Prisma's schema cannot describe FTS5
-- tables: this migration is written by hand and the drift test checks it separately.
-- A later migration that rebuilds "Nomination" (Prisma's RedefineTables) drops these triggers:
-- it must create them again (the drift test fails until it does).
CREATE VIRTUAL TABLE "NominationSearch" USING fts5("searchText", "nominationId" UNINDEXED, tokenize = 'trigram');

INSERT INTO "NominationSearch"("searchText", "nominationId") SELECT "searchText", "id" FROM "Nomination";

CREATE TRIGGER "Nomination_search_ai" AFTER INSERT ON "Nomination" BEGIN
  INSERT INTO "NominationSearch"("searchText", "nominationId") VALUES (new."searchText", new."id");
END;

CREATE TRIGGER "Nomination_search_au" AFTER UPDATE OF "searchText" ON "Nomination" WHEN old."searchText" IS NOT new."searchText" BEGIN
  DELETE FROM "NominationSearch" WHERE "nominationId" = old."id";
  INSERT INTO "NominationSearch"("searchText", "nominationId") VALUES (new."searchText", new."id");
END;

CREATE TRIGGER "Nomination_search_ad" AFTER DELETE ON "Nomination" BEGIN
  DELETE FROM "NominationSearch" WHERE "nominationId" = old."id";
END;
