-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN "byteSize" INTEGER;
ALTER TABLE "Attachment" ADD COLUMN "description" TEXT;
ALTER TABLE "Attachment" ADD COLUMN "kind" TEXT;
ALTER TABLE "Attachment" ADD COLUMN "mediaType" TEXT;
ALTER TABLE "Attachment" ADD COLUMN "sha256" TEXT;

-- CreateIndex
CREATE INDEX "Attachment_sha256_idx" ON "Attachment"("sha256");

