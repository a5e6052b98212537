// User administration (/admin/users, /admin/users/new, /admin/users/:id) through the real
// loaders and actions: permissions, creating, duplicates, roles, deactivation, self-lockout,
// concurrent edits, and the audit rows every write leaves.
import { beforeEach, describe, expect, test } from "vitest";
import { createUser, signIn, userOfSession } from "#app/models/user.server";
import { action as editAction, loader as editLoader } from "#app/routes/admin.users.$id";
import { loader as listLoader } from "#app/routes/admin.users._index";
import { action as newAction, loader as newLoader } from "#app/routes/admin.users.new";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, signInAs, type Fields } from "./helpers";
import * as clock from "#app/domain/clock";

type Reply = {
  result: { status?: string; error?: Record<string, string[] | null> };
  conflict?: { currentVersion: number; changes: { label: string; saved: string; yours: string }[] } | null;
};
type ListData = {
  users: { id: string; name: string; email: string; roles: string[]; active: boolean; lastLogin: unknown; lockedUntil: { text: string } | null }[];
};

let admin: { userId: string };
let counter = 0;

beforeEach(async () => {
  admin = await signInAs("ADMIN");
});

function uniqueEmail(prefix: string) {
  counter++;
  return `${prefix}-${counter}-${Date.now()}@krakow.example`;
}

async function createThroughForm(fields: Partial<Record<string, string | string[]>> = {}) {
  const email = (fields.email as string | undefined) ?? uniqueEmail("nowy");
  const answer = await callAction<Reply>(newAction, "/admin/users/new", {
    email,
    name: "Anna Nowakowska",
    password: "haslo-poczatkowe-1",
    roleKeys: ["READER", "PROTOCOL"],
    ...fields,
  } as Fields);
  return { answer, email };
}

function editFields(version: number, overrides: Fields = {}): Fields {
  return { name: "Anna Nowakowska", active: "on", roleKeys: ["READER"], version: String(version), ...overrides };
}

async function edit(id: string, fields: Fields) {
  return callAction<Reply>(editAction, `/admin/users/${id}`, fields, { id });
}

describe("permissions", () => {
  test("only user:manage may list, open, create or edit users", async () => {
    const target = await createUser({ email: uniqueEmail("cel"), name: "Cel Testowy", password: "haslo-celu-12345", roleKeys: ["READER"] }, { userId: null });
    await signInAs("KP09_SPECIALIST");
    expect((await callLoader(listLoader, "/admin/users")).status).toBe(403);
    expect((await callLoader(newLoader, "/admin/users/new")).status).toBe(403);
    expect((await callLoader(editLoader, `/admin/users/${target.id}`, { id: target.id })).status).toBe(403);
    expect((await createThroughForm()).answer.status).toBe(403);
    expect((await edit(target.id, editFields(1, { name: "Przejęty" }))).status).toBe(403);
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).name).toBe("Cel Testowy");
  });

  test("an unknown user is 404", async () => {
    expect((await callLoader(editLoader, "/admin/users/nie-ma", { id: "nie-ma" })).status).toBe(404);
    expect((await edit("nie-ma", editFields(1))).status).toBe(404);
  });
});

describe("creating a user", () => {
  test("creates the account with its roles, audited, and lists it", async () => {
    const { answer, email } = await createThroughForm({ email: uniqueEmail("Anna.Nowakowska").replace("anna", "ANNA") });
    expect(answer.status).toBe(302);
    const user = await db().user.findUniqueOrThrow({ where: { email: email.toLowerCase() }, include: { roles: { include: { role: true } } } });
    expect(answer.location).toBe(`/admin/users/${user.id}`);
    expect(answer.toast).toMatchObject({ title: "Konto zostało utworzone.", link: { href: "/admin/users", label: "Wróć do listy użytkowników" } });
    expect(user.roles.map((r) => r.role.key).sort()).toEqual(["PROTOCOL", "READER"]);
    expect(user.active).toBe(true);
    expect(user.passwordHash).not.toContain("haslo-poczatkowe-1");
    expect((await signIn(email, "haslo-poczatkowe-1")).kind).toBe("ok");

    const events = await db().auditEvent.findMany({ where: { entityType: "User", entityId: user.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "CREATE", userId: admin.userId });
    expect(JSON.parse(events[0]!.after!)).toEqual({ email: email.toLowerCase(), name: "Anna Nowakowska", active: true, roles: ["PROTOCOL", "READER"] });
    expect(events[0]!.after).not.toContain("haslo");

    const list = await callLoader<ListData>(listLoader, "/admin/users");
    const row = list.data!.users.find((u) => u.id === user.id)!;
    expect(row).toMatchObject({ email: email.toLowerCase(), active: true, lastLogin: expect.anything(), lockedUntil: null });
    expect(row.roles).toEqual(["Odczyt", "Protokół (KP-03) i Kancelaria Rady"]);
  });

  test("the form offers the roles by their Polish names", async () => {
    const { data } = await callLoader<{ roles: { key: string; name: string; permissions: string[] }[] }>(newLoader, "/admin/users/new");
    const adminRole = data!.roles.find((r) => r.key === "ADMIN")!;
    expect(adminRole.name).toBe("Administrator");
    expect(adminRole.permissions).toContain("zarządzanie użytkownikami i rolami");
  });

  test("a duplicate e-mail (in any letter case) is a Polish field error, not a 500", async () => {
    const { email } = await createThroughForm();
    const before = await db().user.count();
    const { answer } = await createThroughForm({ email: email.toUpperCase(), name: "Ktoś Inny" });
    expect(answer.status).toBe(400);
    expect(answer.data!.result.error!.email).toEqual(["Użytkownik o tym adresie e-mail już istnieje."]);
    expect(await db().user.count()).toBe(before);
  });

  test("checks the fields in Polish, and never sends the password back", async () => {
    const { answer } = await createThroughForm({ email: "to-nie-adres", name: "", password: "krotkie", roleKeys: [] });
    expect(answer.status).toBe(400);
    const error = answer.data!.result.error!;
    expect(error.email).toEqual(["Podaj poprawny adres e-mail."]);
    expect(error.name).toEqual(["Podaj imię i nazwisko."]);
    expect(error.password).toEqual(["Hasło musi mieć co najmniej 12 znaków."]);
    expect(error.roleKeys).toEqual(["Wybierz co najmniej jedną rolę."]);
    expect(JSON.stringify(answer.data)).not.toContain("krotkie");

    const unknownRole = await createThroughForm({ roleKeys: ["READER", "SUPERUSER"] });
    expect(unknownRole.answer.status).toBe(400);
    expect(unknownRole.answer.data!.result.error!.roleKeys![0]).toMatch(/nie ma w systemie/);
  });
});

describe("editing a user", () => {
  async function freshUser(roleKeys = ["READER"]) {
    const user = await createUser(
      { email: uniqueEmail("edytowany"), name: "Anna Nowakowska", password: "haslo-poczatkowe-1", roleKeys },
      { userId: admin.userId },
    );
    return user;
  }

  test("the edit page shows the user, their roles and whether it is one's own account", async () => {
    const user = await freshUser(["READER", "PRINTING"]);
    const { data } = await callLoader<{ user: { roleKeys: string[]; version: number; email: string }; isSelf: boolean }>(
      editLoader,
      `/admin/users/${user.id}`,
      { id: user.id },
    );
    expect(data!.user).toMatchObject({ roleKeys: ["PRINTING", "READER"], version: 1, email: user.email });
    expect(data!.isSelf).toBe(false);
    const own = await callLoader<{ isSelf: boolean }>(editLoader, `/admin/users/${admin.userId}`, { id: admin.userId });
    expect(own.data!.isSelf).toBe(true);
  });

  test("changing roles takes effect at once and is audited with before and after", async () => {
    const user = await freshUser(["READER"]);
    const session = await db().session.create({ data: { userId: user.id, expiresAt: new Date(clock.now().getTime() + 3_600_000) } });
    const answer = await edit(user.id, editFields(1, { name: "Anna Nowakowska-Kowal", roleKeys: ["KP04_CLERK", "READER"] }));
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`/admin/users/${user.id}`);
    expect(answer.toast?.title).toBe("Zmiany zostały zapisane.");

    const saved = await db().user.findUniqueOrThrow({ where: { id: user.id }, include: { roles: { include: { role: true } } } });
    expect(saved.name).toBe("Anna Nowakowska-Kowal");
    expect(saved.version).toBe(2);
    expect(saved.roles.map((r) => r.role.key).sort()).toEqual(["KP04_CLERK", "READER"]);
    // Permissions are read per request: the open session has the new role's permissions.
    expect((await userOfSession(session.id))!.permissions).toContain("nomination:write:hg");

    const event = await db().auditEvent.findFirstOrThrow({ where: { entityType: "User", entityId: user.id, action: "UPDATE" } });
    expect(event.userId).toBe(admin.userId);
    expect(JSON.parse(event.before!)).toEqual({ name: "Anna Nowakowska", roles: ["READER"] });
    expect(JSON.parse(event.after!)).toEqual({ name: "Anna Nowakowska-Kowal", roles: ["KP04_CLERK", "READER"] });
  });

  test("a save that changes nothing writes nothing", async () => {
    const user = await freshUser(["READER"]);
    expect((await edit(user.id, editFields(1))).status).toBe(302);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).version).toBe(1);
    expect(await db().auditEvent.count({ where: { entityId: user.id, action: "UPDATE" } })).toBe(0);
  });

  test("deactivation ends every session of the user, and they can no longer sign in", async () => {
    const user = await freshUser(["READER"]);
    const first = await signIn(user.email, "haslo-poczatkowe-1");
    const second = await signIn(user.email, "haslo-poczatkowe-1");
    if (first.kind !== "ok" || second.kind !== "ok") throw new Error("sign-in failed");
    expect(await db().session.count({ where: { userId: user.id } })).toBe(2);

    const answer = await edit(user.id, editFields(1, { active: undefined }));
    expect(answer.status).toBe(302);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    expect(await userOfSession(first.sessionId)).toBeNull();
    expect((await signIn(user.email, "haslo-poczatkowe-1")).kind).toBe("invalid");
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "UPDATE" } });
    expect(JSON.parse(event.after!)).toEqual({ active: false });

    const list = await callLoader<ListData>(listLoader, "/admin/users");
    expect(list.data!.users.find((u) => u.id === user.id)!.active).toBe(false);
  });

  test("a new password set by the admin works, ends the user's sessions and lifts a lock", async () => {
    const user = await freshUser(["READER"]);
    const before = await signIn(user.email, "haslo-poczatkowe-1");
    if (before.kind !== "ok") throw new Error("sign-in failed");
    const lockedUntil = new Date(clock.now().getTime() + 10 * 60_000);
    await db().user.update({ where: { id: user.id }, data: { lockedUntil, failedLoginCount: 0 } });
    const list = await callLoader<ListData>(listLoader, "/admin/users");
    expect(list.data!.users.find((u) => u.id === user.id)!.lockedUntil).not.toBeNull();

    const answer = await edit(user.id, editFields(1, { newPassword: "zupelnie-nowe-haslo-7" }));
    expect(answer.status).toBe(302);
    expect(await userOfSession(before.sessionId)).toBeNull();
    expect((await signIn(user.email, "haslo-poczatkowe-1")).kind).toBe("invalid");
    expect((await signIn(user.email, "zupelnie-nowe-haslo-7")).kind).toBe("ok");
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "UPDATE" } });
    expect(event.reason).toBe("nadano nowe hasło");
    expect(`${event.before}${event.after}`).not.toContain("zupelnie");
  });

  test("an admin cannot deactivate themselves or take away their own user:manage", async () => {
    const me = await db().user.findUniqueOrThrow({ where: { id: admin.userId } });

    const deactivate = await edit(me.id, editFields(me.version, { name: me.name, roleKeys: ["ADMIN"], active: undefined }));
    expect(deactivate.status).toBe(400);
    expect(deactivate.data!.result.error!.active![0]).toMatch(/^Nie możesz dezaktywować własnego konta/);

    const demote = await edit(me.id, editFields(me.version, { name: me.name, roleKeys: ["READER", "KP09_SPECIALIST"] }));
    expect(demote.status).toBe(400);
    expect(demote.data!.result.error!.roleKeys![0]).toMatch(/^Nie możesz odebrać sobie uprawnienia do zarządzania użytkownikami/);

    const after = await db().user.findUniqueOrThrow({ where: { id: me.id }, include: { roles: { include: { role: true } } } });
    expect(after).toMatchObject({ active: true, version: me.version });
    expect(after.roles.map((r) => r.role.key)).toEqual(["ADMIN"]);
    expect(await db().session.count({ where: { userId: me.id } })).toBe(1);

    // Keeping user:manage while adding a role, or renaming oneself, is fine.
    expect((await edit(me.id, editFields(me.version, { name: "Admin Testowy", roleKeys: ["ADMIN", "READER"] }))).status).toBe(302);
    // …and the same admin may deactivate someone else.
    const other = await freshUser(["ADMIN"]);
    expect((await edit(other.id, editFields(1, { roleKeys: ["ADMIN"], active: undefined }))).status).toBe(302);
  });

  test("a concurrent edit is refused with a Polish message and what differs; saving again overwrites", async () => {
    const user = await freshUser(["READER"]);
    const first = await edit(user.id, editFields(1, { name: "Zapisane Pierwsze", roleKeys: ["PRINTING"] }));
    expect(first.status).toBe(302);

    const stale = await edit(user.id, editFields(1, { name: "Moja Wersja", roleKeys: ["READER"] }));
    expect(stale.status).toBe(409);
    expect(stale.data!.result.error![""]![0]).toMatch(/^Ktoś inny zmienił dane tego użytkownika, gdy je edytowałeś\. Twoje zmiany nie zostały zapisane\./);
    expect(stale.data!.conflict).toEqual({
      currentVersion: 2,
      changes: [
        { label: "Imię i nazwisko", saved: "Zapisane Pierwsze", yours: "Moja Wersja" },
        { label: "Role", saved: "Druk dyplomów", yours: "Odczyt" },
      ],
    });
    const kept = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(kept).toMatchObject({ name: "Zapisane Pierwsze", version: 2 });

    const overwrite = await edit(user.id, editFields(stale.data!.conflict!.currentVersion, { name: "Moja Wersja", roleKeys: ["READER"] }));
    expect(overwrite.status).toBe(302);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Moja Wersja");
  });
});
