import { describe, expect, test } from "vitest";
import { BOARD_CARD_LIMIT, BOARD_FINAL_LIMIT, boardColumns, boardHonourOf, boardSteps, defaultBoardHonour } from "#app/domain/board";
import { HONOURS } from "#app/domain/honours";
import { DEFAULT_ROLES, transitionPermission } from "#app/domain/permissions";
import { manualTransitions, statusesOf } from "#app/domain/workflow";

const permissionsOf = (role: string) => DEFAULT_ROLES.find((r) => r.key === role)!.permissions;
const targets = (...args: Parameters<typeof boardSteps>) => boardSteps(...args).map((t) => t.to);

describe("board columns", () => {
  test.each(HONOURS)("%s: one column per status of its workflow, in workflow order", (honour) => {
    expect(boardColumns(honour).map((c) => c.status)).toEqual(statusesOf(honour));
  });

  test("final columns show the latest few; working columns are capped; Honoris Gratia awaiting decision sorts by due date", () => {
    const cm = boardColumns("CRACOVIAE_MERENTI");
    expect(cm.filter((c) => c.final).map((c) => c.status)).toEqual(["CLOSED", "WITHDRAWN"]);
    for (const c of cm) expect(c).toMatchObject(c.final ? { limit: BOARD_FINAL_LIMIT, order: "latest" } : { limit: BOARD_CARD_LIMIT, order: "received" });
    const hg = boardColumns("HONORIS_GRATIA");
    expect(hg.filter((c) => c.order === "due").map((c) => c.status)).toEqual(["RECEIVED", "VERIFIED", "DECISION_PREPARED"]);
    expect(hg.find((c) => c.status === "GRANTED")!.order).toBe("received");
  });

  test("the honour in the address is the code; anything else is no board", () => {
    expect(boardHonourOf("HONORIS_GRATIA")).toBe("HONORIS_GRATIA");
    expect(boardHonourOf("honoris_gratia")).toBeNull();
    expect(boardHonourOf("NIEZNANE")).toBeNull();
    expect(boardHonourOf(undefined)).toBeNull();
  });
});

describe("steps on a card", () => {
  test("KP-09 gets every step of a received medal nomination, withdrawal included", () => {
    expect(targets("CRACOVIAE_MERENTI", "RECEIVED", permissionsOf("KP09_SPECIALIST"))).toEqual(["FORMALLY_COMPLETE", "COMPLETION_REQUESTED", "WITHDRAWN"]);
  });

  test("a step needing a permission the user lacks is not offered", () => {
    const onlyTransition = ["nomination:read", "nomination:transition:council"];
    expect(targets("CRACOVIAE_MERENTI", "ADOPTED", onlyTransition)).toEqual([]);
    expect(targets("CRACOVIAE_MERENTI", "ADOPTED", [...onlyTransition, "conferral:number"])).toEqual(["NUMBER_ASSIGNED"]);
    expect(targets("HONORIS_GRATIA", "RECEIVED", permissionsOf("KP09_SPECIALIST"))).toEqual([]);
    expect(targets("HONORIS_GRATIA", "RECEIVED", permissionsOf("KP04_CLERK"))).toEqual(["VERIFIED", "WITHDRAWN"]);
    expect(targets("CRACOVIAE_MERENTI", "RECEIVED", permissionsOf("READER"))).toEqual([]);
  });

  test.each(DEFAULT_ROLES.map((r) => [r.key, r.permissions] as const))(
    "%s: every offered step is allowed by the workflow and the permissions",
    (_role, permissions) => {
      for (const honour of HONOURS) {
        for (const status of statusesOf(honour)) {
          const offered = boardSteps(honour, status, permissions);
          // A step a print records (issue 16) is never offered as a button.
          const allowed = manualTransitions(honour, status).filter((t) => permissions.includes(transitionPermission(honour, t.to)));
          expect(offered).toEqual(allowed);
        }
      }
    },
  );

  test("the menu's board is the honour the user works on", () => {
    expect(defaultBoardHonour(permissionsOf("KP09_SPECIALIST"))).toBe("CRACOVIAE_MERENTI");
    expect(defaultBoardHonour(permissionsOf("KP04_CLERK"))).toBe("HONORIS_GRATIA");
    expect(defaultBoardHonour(permissionsOf("READER"))).toBe("CRACOVIAE_MERENTI");
  });
});
