import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "#app/models/user.server";
import { destroySessionCookie, readSessionId } from "#app/utils/session.server";

// Sign-out changes state, so it is a POST (the button in the header); a GET just goes home.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const sessionId = await readSessionId(request);
  if (sessionId) await endSession(sessionId);
  return redirect("/login", { headers: { "Set-Cookie": await destroySessionCookie(request) } });
}
