-- CreateTable
CREATE TABLE "CouncilTerm" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" INTEGER NOT NULL,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT,
    "datesUncertain" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1
);

-- CreateTable
CREATE TABLE "Resolution" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "councilTermId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "sessionNumber" INTEGER NOT NULL,
    "runningNumber" INTEGER NOT NULL,
    "adoptedOn" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL DEFAULT 'CONFERRAL',
    "votesFor" INTEGER,
    "votesAgainst" INTEGER,
    "votesAbstained" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Resolution_councilTermId_fkey" FOREIGN KEY ("councilTermId") REFERENCES "CouncilTerm" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Ordinance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "issuedOn" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "LimitRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "honour" TEXT NOT NULL,
    "medalClass" TEXT,
    "maxCount" INTEGER NOT NULL,
    "validFrom" TEXT NOT NULL,
    "validTo" TEXT,
    "councilTermId" TEXT,
    "setByResolutionText" TEXT NOT NULL,
    "setByResolutionId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "LimitRule_councilTermId_fkey" FOREIGN KEY ("councilTermId") REFERENCES "CouncilTerm" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LimitRule_setByResolutionId_fkey" FOREIGN KEY ("setByResolutionId") REFERENCES "Resolution" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DatedSetting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "validFrom" TEXT NOT NULL,
    "validTo" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Signatory" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "office" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "titleLine" TEXT NOT NULL,
    "validFrom" TEXT NOT NULL,
    "validTo" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1
);

-- CreateTable
CREATE TABLE "Candidate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "givenNames" TEXT NOT NULL DEFAULT '',
    "surname" TEXT NOT NULL DEFAULT '',
    "organizationName" TEXT NOT NULL DEFAULT '',
    "shortName" TEXT NOT NULL DEFAULT '',
    "grammaticalGender" TEXT,
    "birthYear" INTEGER,
    "birthDate" TEXT,
    "deceased" BOOLEAN NOT NULL DEFAULT false,
    "deathDate" TEXT,
    "title" TEXT NOT NULL DEFAULT '',
    "city" TEXT NOT NULL DEFAULT '',
    "nameNominative" TEXT NOT NULL DEFAULT '',
    "nameGenitive" TEXT NOT NULL DEFAULT '',
    "nameDative" TEXT NOT NULL DEFAULT '',
    "nameFormsConfirmedAt" DATETIME,
    "nameFormsConfirmedById" TEXT,
    "displayName" TEXT NOT NULL,
    "sortName" TEXT NOT NULL,
    "foldedName" TEXT NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "anonymizedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "HonorisGratiaApplication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channel" TEXT NOT NULL,
    "epuapSubmissionId" TEXT,
    "receivedDate" TEXT NOT NULL,
    "applicantKind" TEXT NOT NULL,
    "applicantName" TEXT NOT NULL,
    "applicantContact" TEXT NOT NULL DEFAULT '',
    "proposedEventName" TEXT NOT NULL DEFAULT '',
    "proposedHandoverDate" TEXT,
    "caseReference" TEXT NOT NULL DEFAULT '',
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "anonymizedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Nomination" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "honour" TEXT NOT NULL,
    "requestedClass" TEXT,
    "status" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "councilTermId" TEXT,
    "receivedDate" TEXT NOT NULL,
    "roundYear" INTEGER,
    "caseReference" TEXT NOT NULL DEFAULT '',
    "merits" TEXT NOT NULL DEFAULT '',
    "councillorNames" TEXT NOT NULL DEFAULT '',
    "residentSignatureCount" INTEGER,
    "signaturesCollectedFrom" TEXT,
    "signaturesCollectedTo" TEXT,
    "opinion" TEXT,
    "opinionClass" TEXT,
    "opinionDate" TEXT,
    "dueDate" TEXT,
    "hgApplicationId" TEXT,
    "closingReason" TEXT NOT NULL DEFAULT '',
    "searchText" TEXT NOT NULL,
    "sortName" TEXT NOT NULL,
    "creationToken" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Nomination_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Nomination_councilTermId_fkey" FOREIGN KEY ("councilTermId") REFERENCES "CouncilTerm" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Nomination_hgApplicationId_fkey" FOREIGN KEY ("hgApplicationId") REFERENCES "HonorisGratiaApplication" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Nomination_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Nominator" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "nominationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contact" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Nominator_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "nominationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "storagePath" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Attachment_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Conferral" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "publicId" TEXT NOT NULL,
    "nominationId" TEXT,
    "candidateId" TEXT NOT NULL,
    "honour" TEXT NOT NULL,
    "medalClass" TEXT,
    "numberSeries" TEXT,
    "number" INTEGER,
    "resolutionId" TEXT,
    "ordinanceId" TEXT,
    "conferredOn" TEXT NOT NULL,
    "handedOverOn" TEXT,
    "handoverPlace" TEXT NOT NULL DEFAULT '',
    "citation" TEXT NOT NULL DEFAULT '',
    "limitOverrideText" TEXT NOT NULL DEFAULT '',
    "isHistorical" BOOLEAN NOT NULL DEFAULT false,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "anonymizedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Conferral_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Conferral_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Conferral_resolutionId_fkey" FOREIGN KEY ("resolutionId") REFERENCES "Resolution" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Conferral_ordinanceId_fkey" FOREIGN KEY ("ordinanceId") REFERENCES "Ordinance" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ResolutionDraft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "honour" TEXT NOT NULL,
    "medalClass" TEXT,
    "printNumber" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "councilTermId" TEXT,
    "resolutionId" TEXT,
    "ordinanceId" TEXT,
    "frozenVersionId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ResolutionDraft_councilTermId_fkey" FOREIGN KEY ("councilTermId") REFERENCES "CouncilTerm" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ResolutionDraft_resolutionId_fkey" FOREIGN KEY ("resolutionId") REFERENCES "Resolution" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ResolutionDraft_ordinanceId_fkey" FOREIGN KEY ("ordinanceId") REFERENCES "Ordinance" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ResolutionDraft_frozenVersionId_fkey" FOREIGN KEY ("frozenVersionId") REFERENCES "ResolutionDraftVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ResolutionDraftNomination" (
    "draftId" TEXT NOT NULL,
    "nominationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("draftId", "nominationId"),
    CONSTRAINT "ResolutionDraftNomination_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "ResolutionDraft" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ResolutionDraftNomination_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ResolutionDraftVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "draftId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ResolutionDraftVersion_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "ResolutionDraft" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ResolutionDraftVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Venue" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL DEFAULT '',
    "capacity" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1
);

-- CreateTable
CREATE TABLE "Ceremony" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "startTime" TEXT NOT NULL,
    "endTime" TEXT NOT NULL,
    "venueId" TEXT,
    "organiser" TEXT NOT NULL DEFAULT '',
    "chancelleryContact" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'PLANNED',
    "cancellationReason" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "programme" TEXT NOT NULL DEFAULT '',
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Ceremony_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "Venue" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CeremonyLaureate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ceremonyId" TEXT NOT NULL,
    "conferralId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "attendance" TEXT NOT NULL DEFAULT 'UNKNOWN',
    "representedBy" TEXT NOT NULL DEFAULT '',
    "guestsCount" INTEGER NOT NULL DEFAULT 0,
    "handedOverBy" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "CeremonyLaureate_ceremonyId_fkey" FOREIGN KEY ("ceremonyId") REFERENCES "Ceremony" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CeremonyLaureate_conferralId_fkey" FOREIGN KEY ("conferralId") REFERENCES "Conferral" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CalendarFeedToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "token" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME
);

-- CreateTable
CREATE TABLE "StockMovement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "item" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "ceremonyId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "date" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StockMovement_ceremonyId_fkey" FOREIGN KEY ("ceremonyId") REFERENCES "Ceremony" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Diploma" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conferralId" TEXT NOT NULL,
    "templateKey" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sourceHash" TEXT NOT NULL,
    "verificationCode" TEXT NOT NULL,
    "confirmedAt" DATETIME,
    "confirmedById" TEXT,
    "confirmedHash" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Diploma_conferralId_fkey" FOREIGN KEY ("conferralId") REFERENCES "Conferral" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DiplomaPrint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "diplomaId" TEXT NOT NULL,
    "printedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "printedById" TEXT,
    "textHash" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "batchId" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "DiplomaPrint_diplomaId_fkey" FOREIGN KEY ("diplomaId") REFERENCES "Diploma" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DiplomaPrint_printedById_fkey" FOREIGN KEY ("printedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "lastLoginAt" DATETIME,
    "passwordChangedAt" DATETIME,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Role" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Permission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "description" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "RolePermission" (
    "roleId" TEXT NOT NULL,
    "permissionId" TEXT NOT NULL,

    PRIMARY KEY ("roleId", "permissionId"),
    CONSTRAINT "RolePermission_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RolePermission_permissionId_fkey" FOREIGN KEY ("permissionId") REFERENCES "Permission" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UserRole" (
    "userId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,

    PRIMARY KEY ("userId", "roleId"),
    CONSTRAINT "UserRole_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UserRole_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "before" TEXT,
    "after" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "AuditEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RetentionPolicy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recordKind" TEXT NOT NULL,
    "months" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1
);

-- CreateIndex
CREATE UNIQUE INDEX "CouncilTerm_number_key" ON "CouncilTerm"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Resolution_councilTermId_number_key" ON "Resolution"("councilTermId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Resolution_councilTermId_runningNumber_key" ON "Resolution"("councilTermId", "runningNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Ordinance_number_issuedOn_key" ON "Ordinance"("number", "issuedOn");

-- CreateIndex
CREATE INDEX "LimitRule_honour_medalClass_idx" ON "LimitRule"("honour", "medalClass");

-- CreateIndex
CREATE UNIQUE INDEX "DatedSetting_key_validFrom_key" ON "DatedSetting"("key", "validFrom");

-- CreateIndex
CREATE INDEX "Signatory_office_validFrom_idx" ON "Signatory"("office", "validFrom");

-- CreateIndex
CREATE INDEX "Candidate_foldedName_birthYear_idx" ON "Candidate"("foldedName", "birthYear");

-- CreateIndex
CREATE INDEX "Candidate_sortName_idx" ON "Candidate"("sortName");

-- CreateIndex
CREATE UNIQUE INDEX "HonorisGratiaApplication_epuapSubmissionId_key" ON "HonorisGratiaApplication"("epuapSubmissionId");

-- CreateIndex
CREATE INDEX "HonorisGratiaApplication_receivedDate_idx" ON "HonorisGratiaApplication"("receivedDate");

-- CreateIndex
CREATE UNIQUE INDEX "Nomination_creationToken_key" ON "Nomination"("creationToken");

-- CreateIndex
CREATE INDEX "Nomination_receivedDate_id_idx" ON "Nomination"("receivedDate", "id");

-- CreateIndex
CREATE INDEX "Nomination_honour_receivedDate_id_idx" ON "Nomination"("honour", "receivedDate", "id");

-- CreateIndex
CREATE INDEX "Nomination_status_receivedDate_id_idx" ON "Nomination"("status", "receivedDate", "id");

-- CreateIndex
CREATE INDEX "Nomination_councilTermId_receivedDate_id_idx" ON "Nomination"("councilTermId", "receivedDate", "id");

-- CreateIndex
CREATE INDEX "Nomination_sortName_id_idx" ON "Nomination"("sortName", "id");

-- CreateIndex
CREATE INDEX "Nomination_candidateId_idx" ON "Nomination"("candidateId");

-- CreateIndex
CREATE INDEX "Nomination_dueDate_idx" ON "Nomination"("dueDate");

-- CreateIndex
CREATE INDEX "Nominator_nominationId_idx" ON "Nominator"("nominationId");

-- CreateIndex
CREATE INDEX "Attachment_nominationId_idx" ON "Attachment"("nominationId");

-- CreateIndex
CREATE UNIQUE INDEX "Conferral_publicId_key" ON "Conferral"("publicId");

-- CreateIndex
CREATE UNIQUE INDEX "Conferral_nominationId_key" ON "Conferral"("nominationId");

-- CreateIndex
CREATE INDEX "Conferral_honour_medalClass_conferredOn_idx" ON "Conferral"("honour", "medalClass", "conferredOn");

-- CreateIndex
CREATE INDEX "Conferral_conferredOn_idx" ON "Conferral"("conferredOn");

-- CreateIndex
CREATE INDEX "Conferral_candidateId_idx" ON "Conferral"("candidateId");

-- CreateIndex
CREATE UNIQUE INDEX "Conferral_numberSeries_number_key" ON "Conferral"("numberSeries", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ResolutionDraft_resolutionId_key" ON "ResolutionDraft"("resolutionId");

-- CreateIndex
CREATE UNIQUE INDEX "ResolutionDraft_frozenVersionId_key" ON "ResolutionDraft"("frozenVersionId");

-- CreateIndex
CREATE INDEX "ResolutionDraft_status_idx" ON "ResolutionDraft"("status");

-- CreateIndex
CREATE INDEX "ResolutionDraftNomination_nominationId_idx" ON "ResolutionDraftNomination"("nominationId");

-- CreateIndex
CREATE UNIQUE INDEX "ResolutionDraftVersion_draftId_number_key" ON "ResolutionDraftVersion"("draftId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Venue_name_key" ON "Venue"("name");

-- CreateIndex
CREATE INDEX "Ceremony_date_idx" ON "Ceremony"("date");

-- CreateIndex
CREATE INDEX "CeremonyLaureate_conferralId_idx" ON "CeremonyLaureate"("conferralId");

-- CreateIndex
CREATE UNIQUE INDEX "CeremonyLaureate_ceremonyId_conferralId_key" ON "CeremonyLaureate"("ceremonyId", "conferralId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeedToken_token_key" ON "CalendarFeedToken"("token");

-- CreateIndex
CREATE INDEX "StockMovement_item_idx" ON "StockMovement"("item");

-- CreateIndex
CREATE UNIQUE INDEX "Diploma_verificationCode_key" ON "Diploma"("verificationCode");

-- CreateIndex
CREATE INDEX "Diploma_conferralId_idx" ON "Diploma"("conferralId");

-- CreateIndex
CREATE INDEX "DiplomaPrint_diplomaId_idx" ON "DiplomaPrint"("diplomaId");

-- CreateIndex
CREATE INDEX "DiplomaPrint_batchId_idx" ON "DiplomaPrint"("batchId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Role_key_key" ON "Role"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Permission_key_key" ON "Permission"("key");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_at_idx" ON "AuditEvent"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_userId_at_idx" ON "AuditEvent"("userId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE UNIQUE INDEX "RetentionPolicy_recordKind_key" ON "RetentionPolicy"("recordKind");

