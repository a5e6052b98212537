import type { Permission } from "./permissions";

// Which permissions (any one of them) a page asks for, as its route checks them, so that a link
// to it is shown only to users who may follow it; others see its text without a link instead of
// a 403 page. Pages not listed are open to every signed-in user (or check per record).
const RULES: Array<[RegExp, readonly Permission[]]> = [
  [/^\/admin\/settings(?:[/?#]|$)/, ["settings:manage"]],
  [/^\/candidates\/[^/?#]+\/edit(?:[?#]|$)/, ["nomination:write:council", "nomination:write:hg"]],
  [/^\/hg\/new(?:[?#]|$)/, ["nomination:write:hg"]],
  [/^\/(?:nominations|candidates|hg|board)(?:[/?#]|$)/, ["nomination:read"]],
  [/^\/diplomas(?:[/?#]|$)/, ["diploma:text", "diploma:print"]],
  [/^\/conferrals\/[^/?#]+\/diploma(?:[?#]|$)/, ["diploma:text", "diploma:print"]],
  [/^\/ceremonies(?:[/?#]|$)/, ["ceremony:schedule"]],
];

/** The permissions of which a user needs one to open `href`; empty when any user may. */
export function permissionsToOpen(href: string): readonly Permission[] {
  return RULES.find(([pattern]) => pattern.test(href))?.[1] ?? [];
}

export function mayOpen(href: string, permissions: readonly string[]): boolean {
  const needed = permissionsToOpen(href);
  return needed.length === 0 || needed.some((p) => permissions.includes(p));
}
