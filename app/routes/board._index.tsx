import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { defaultBoardHonour } from "#app/domain/board";
import { requireUserWithPermission } from "#app/utils/auth.server";

// "Tablica" in the menu: the board of the honour the user works on.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "nomination:read");
  throw redirect(`/board/${defaultBoardHonour(user.permissions)}`);
}

export default function BoardIndex() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
