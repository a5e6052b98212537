-- AlterTable
ALTER TABLE "Nomination" ADD COLUMN "anonymizedAt" DATETIME;

