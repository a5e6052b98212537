-- CreateIndex
CREATE INDEX "Conferral_honour_conferredOn_idx" ON "Conferral"("honour", "conferredOn");

-- CreateIndex
CREATE INDEX "Conferral_anonymizedAt_idx" ON "Conferral"("anonymizedAt");

