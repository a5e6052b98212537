-- CreateIndex
CREATE INDEX "Conferral_candidateId_conferredOn_id_idx" ON "Conferral"("candidateId", "conferredOn", "id");

