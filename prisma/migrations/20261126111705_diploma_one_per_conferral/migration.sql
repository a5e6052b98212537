-- DropIndex
DROP INDEX "Diploma_conferralId_idx";

-- CreateIndex
CREATE UNIQUE INDEX "Diploma_conferralId_key" ON "Diploma"("conferralId");

