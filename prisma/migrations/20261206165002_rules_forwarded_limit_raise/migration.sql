-- AlterTable
ALTER TABLE "Nomination" ADD COLUMN "forwardedOn" TEXT;

-- AlterTable
ALTER TABLE "Conferral" ADD COLUMN "limitRaiseResolutionId" TEXT;

