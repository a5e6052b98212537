import type { Honour } from "./honours";
import { allowedTransitions, type Status, type Transition } from "./workflow";

// Roles and permissions. The database holds them as data (Role, Permission, RolePermission);
// this is the default set an installation starts with, seeded and then editable by an admin.

export const PERMISSIONS = {
  "nomination:read": "przeglądanie wniosków, kandydatów i pulpitu",
  "nomination:write:council": "rejestrowanie i edycja wniosków o Medal „Cracoviae Merenti” i Honorowe Obywatelstwo",
  "nomination:write:hg": "rejestrowanie i edycja wniosków o Odznakę „Honoris Gratia”",
  "nomination:transition:council": "zmiana statusu wniosków o Medal i Honorowe Obywatelstwo",
  "resolution:draft": "przygotowywanie projektów uchwał, uzasadnień i zarządzeń",
  "conferral:number": "nadawanie numerów medali",
  "hg:decide": "decyzje w sprawie Odznaki „Honoris Gratia”",
  "laureate:read": "przeglądanie laureatów",
  "ceremony:schedule": "planowanie uroczystości",
  "diploma:text": "przygotowanie i zatwierdzanie tekstów dyplomów",
  "diploma:print": "drukowanie dyplomów i rejestr wydruków",
  "audit:read": "przeglądanie dziennika zdarzeń",
  "personal-data:manage": "eksport danych osobowych i anonimizacja (RODO)",
  "user:manage": "zarządzanie użytkownikami i rolami",
  "settings:manage": "ustawienia: sygnatariusze, limity, kadencje, szablony",
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_KEYS = Object.keys(PERMISSIONS) as Permission[];

export type RoleDefinition = { key: string; name: string; permissions: Permission[] };

export const DEFAULT_ROLES: RoleDefinition[] = [
  {
    key: "KP09_SPECIALIST",
    name: "Specjalista KP-09 (Medal, Honorowe Obywatelstwo)",
    permissions: [
      "nomination:read",
      "nomination:write:council",
      "nomination:transition:council",
      "resolution:draft",
      "conferral:number",
      "laureate:read",
      "ceremony:schedule",
      "diploma:text",
      "diploma:print",
      "audit:read",
    ],
  },
  {
    key: "KP04_CLERK",
    name: "Pracownik KP-04 (Odznaka „Honoris Gratia”)",
    permissions: ["nomination:read", "nomination:write:hg", "hg:decide", "laureate:read", "ceremony:schedule", "diploma:text", "diploma:print"],
  },
  {
    key: "PROTOCOL",
    name: "Protokół (KP-03) i Kancelaria Rady",
    permissions: ["nomination:read", "laureate:read", "ceremony:schedule"],
  },
  { key: "PRINTING", name: "Druk dyplomów", permissions: ["laureate:read", "diploma:print"] },
  { key: "READER", name: "Odczyt", permissions: ["nomination:read", "laureate:read"] },
  {
    key: "ADMIN",
    name: "Administrator",
    permissions: ["nomination:read", "laureate:read", "audit:read", "personal-data:manage", "user:manage", "settings:manage"],
  },
];

/** Which write permission a nomination of this honour needs. */
export function nominationWritePermission(honour: string): Permission {
  return honour === "HONORIS_GRATIA" ? "nomination:write:hg" : "nomination:write:council";
}

/** Either honour group's write permission: enough to open the nomination form. */
export const NOMINATION_WRITE_PERMISSIONS: Permission[] = ["nomination:write:council", "nomination:write:hg"];

/**
 * The permissions that editing a candidate needs: the write permission of every honour they have
 * a nomination or a conferral of (their name forms go into that honour's documents). A candidate
 * with neither may be edited by either group.
 */
export function candidateWritePermissions(honours: readonly string[]): Permission[] {
  return [...new Set(honours.map(nominationWritePermission))].sort();
}

/** May a user with these permissions edit a candidate with nominations or conferrals of these honours? */
export function mayWriteCandidate(permissions: readonly string[], honours: readonly string[]): boolean {
  const needed = candidateWritePermissions(honours);
  return needed.length === 0 ? NOMINATION_WRITE_PERMISSIONS.some((p) => permissions.includes(p)) : needed.every((p) => permissions.includes(p));
}

/** Which permission a workflow step needs. */
export function transitionPermission(honour: string, to: string): Permission {
  if (honour === "HONORIS_GRATIA") return "hg:decide";
  if (to === "NUMBER_ASSIGNED") return "conferral:number";
  if (to === "DIPLOMA_PRINTED") return "diploma:print";
  return "nomination:transition:council";
}

/** The steps of the workflow a user with these permissions may take from a status now. */
export function availableSteps(honour: Honour, status: Status, permissions: readonly string[]): Transition[] {
  return allowedTransitions(honour, status).filter((t) => permissions.includes(transitionPermission(honour, t.to)));
}
