-- Full-text index of the words of Candidate.foldedName (case- and diacritics-folded name), for
-- the public registry's name search (/rejestr): every word typed must begin a word of the name
-- ("rajc" finds "Rajčić", "jan kow" finds "Jan Kowalski"), read from the index with the prefix
-- tables for 2 and 3 letters. At 100 000 conferrals a LIKE '%term%' scan, or a trigram index
-- of common letter triples, costs tens of milliseconds. Written by hand like nomination_search
-- (Prisma's schema cannot describe FTS5); the drift test checks the triggers. A migration that
-- rebuilds "Candidate" must create them again.
CREATE VIRTUAL TABLE "CandidateSearch" USING fts5("foldedName", "candidateId" UNINDEXED, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');

INSERT INTO "CandidateSearch"("foldedName", "candidateId") SELECT "foldedName", "id" FROM "Candidate";

CREATE TRIGGER "Candidate_search_ai" AFTER INSERT ON "Candidate" BEGIN
  INSERT INTO "CandidateSearch"("foldedName", "candidateId") VALUES (new."foldedName", new."id");
END;

CREATE TRIGGER "Candidate_search_au" AFTER UPDATE OF "foldedName" ON "Candidate" WHEN old."foldedName" IS NOT new."foldedName" BEGIN
  DELETE FROM "CandidateSearch" WHERE "candidateId" = old."id";
  INSERT INTO "CandidateSearch"("foldedName", "candidateId") VALUES (new."foldedName", new."id");
END;

CREATE TRIGGER "Candidate_search_ad" AFTER DELETE ON "Candidate" BEGIN
  DELETE FROM "CandidateSearch" WHERE "candidateId" = old."id";
END;
