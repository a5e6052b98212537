-- CreateIndex
CREATE INDEX "Nomination_honour_status_dueDate_receivedDate_id_idx" ON "Nomination"("honour", "status", "dueDate", "receivedDate", "id");

