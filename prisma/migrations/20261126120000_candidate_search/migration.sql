-- Trigram full-text index of Candidate.foldedName (case- and diacritics-folded name), for the
-- public registry's name search (/rejestr): at 100 000 conferrals a LIKE '%term%' scan of every
-- candidate is too slow. Written by hand like nomination_search (Prisma's schema cannot describe
-- FTS5); the drift test checks the triggers. A migration that rebuilds "Candidate" must create
-- them again.
CREATE VIRTUAL TABLE "CandidateSearch" USING fts5("foldedName", "candidateId" UNINDEXED, tokenize = 'trigram');

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
