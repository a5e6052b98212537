-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN "nameFormsSource" TEXT;

-- CreateTable
CREATE TABLE "NameLexiconEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "nominative" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "gender" TEXT NOT NULL DEFAULT '',
    "genitive" TEXT NOT NULL,
    "dative" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "candidateId" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "NameLexiconEntry_kind_key_gender_key" ON "NameLexiconEntry"("kind", "key", "gender");

