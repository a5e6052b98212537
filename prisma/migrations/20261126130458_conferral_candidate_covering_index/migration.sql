-- DropIndex
DROP INDEX "Conferral_candidateId_idx";

-- CreateIndex
CREATE INDEX "Conferral_candidateId_conferredOn_id_idx" ON "Conferral"("candidateId", "conferredOn", "id");

