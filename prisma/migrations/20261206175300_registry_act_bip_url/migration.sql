-- AlterTable
ALTER TABLE "Resolution" ADD COLUMN "bipUrl" TEXT;

-- AlterTable
ALTER TABLE "Ordinance" ADD COLUMN "bipUrl" TEXT;

