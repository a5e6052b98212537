-- CreateTable
CREATE TABLE "PrinterProfile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "offsetXMm" REAL NOT NULL DEFAULT 0,
    "offsetYMm" REAL NOT NULL DEFAULT 0,
    "note" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- AddColumn (appended at the end: no table rebuild)
ALTER TABLE "DiplomaPrint" ADD COLUMN "printer" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE UNIQUE INDEX "PrinterProfile_name_key" ON "PrinterProfile"("name");

