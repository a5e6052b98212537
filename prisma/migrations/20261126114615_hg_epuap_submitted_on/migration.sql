-- AlterTable
ALTER TABLE "HonorisGratiaApplication" ADD COLUMN "epuapSubmittedOn" TEXT;

