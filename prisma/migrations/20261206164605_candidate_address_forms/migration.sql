-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN "addressDative" TEXT;
ALTER TABLE "Candidate" ADD COLUMN "appositionDative" TEXT;

