-- AlterTable
ALTER TABLE "Nomination" ADD COLUMN "assigneeId" TEXT;

-- CreateIndex
CREATE INDEX "Nomination_assigneeId_receivedDate_id_idx" ON "Nomination"("assigneeId", "receivedDate", "id");

