-- AlterTable
ALTER TABLE "HonorisGratiaApplication" ADD COLUMN "applicantCity" TEXT;
ALTER TABLE "HonorisGratiaApplication" ADD COLUMN "applicantPostalCode" TEXT;
ALTER TABLE "HonorisGratiaApplication" ADD COLUMN "applicantStreet" TEXT;

-- AlterTable
ALTER TABLE "CeremonyLaureate" ADD COLUMN "guestSeats" TEXT;
ALTER TABLE "CeremonyLaureate" ADD COLUMN "handoverTime" TEXT;
ALTER TABLE "CeremonyLaureate" ADD COLUMN "seat" TEXT;
ALTER TABLE "CeremonyLaureate" ADD COLUMN "seatRow" TEXT;

-- CreateTable
CREATE TABLE "ProgrammeItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ceremonyId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "time" TEXT NOT NULL DEFAULT '',
    "text" TEXT NOT NULL,
    "speaker" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "ProgrammeItem_ceremonyId_fkey" FOREIGN KEY ("ceremonyId") REFERENCES "Ceremony" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ProgrammeItem_ceremonyId_position_idx" ON "ProgrammeItem"("ceremonyId", "position");

