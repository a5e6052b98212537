// /admin/calendar-feeds: secret addresses of the ceremonies' calendar feed (for the Council's
// chancellery calendar). The address is shown once, when created; revoking ends it at once.
import { randomBytes } from "node:crypto";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { formatWarsawDateTime } from "#app/domain/audit-log";
import { createFeedToken, listFeedTokens, revokeFeedToken } from "#app/models/calendar-feed.server";
import { publicAddressProblem } from "#app/domain/public-address";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { env } from "#app/utils/env.server";

export const meta: MetaFunction = () => [{ title: "Kalendarz uroczystości: subskrypcje · Merenti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "settings:manage");
  const tokens = await listFeedTokens();
  return {
    tokens: tokens.map((t) => ({ id: t.id, label: t.label, createdAt: t.createdAt.toISOString(), revokedAt: t.revokedAt?.toISOString() ?? null })),
  };
}

const Intent = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    label: z.string().trim().min(1, "Podaj, dla kogo jest ten adres (np. „Kancelaria Rady”).").max(200, "Najwyżej 200 znaków."),
  }),
  z.object({ intent: z.literal("revoke"), id: z.string().min(1) }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "settings:manage");
  const parsed = Intent.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: parsed.error.issues[0]?.message ?? "Nieprawidłowe żądanie.", url: null }, { status: 400 });
  if (parsed.data.intent === "revoke") {
    const done = await revokeFeedToken(parsed.data.id, { userId: user.id });
    return data({ error: done ? null : "Ten adres był już unieważniony.", url: null }, { status: done ? 200 : 400 });
  }
  const problem = publicAddressProblem(env().PUBLIC_BASE_URL);
  if (problem) return data({ error: problem, url: null }, { status: 409 });
  // 32 random bytes: the token is the only protection of the feed, so it cannot be guessed.
  const token = randomBytes(32).toString("base64url");
  await createFeedToken(parsed.data.label, token, { userId: user.id });
  return { error: null, url: `${env().PUBLIC_BASE_URL.replace(/\/$/, "")}/calendar/${token}.ics` };
}

export default function CalendarFeeds() {
  const { tokens } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const confirm = searchParams.get("uniewaznij");
  return (
    <>
      <h1>Kalendarz uroczystości: adresy subskrypcji</h1>
      <p className="lead">
        Kalendarz (np. Outlook Kancelarii Rady) subskrybuje adres z tajnym kluczem i sam pobiera zmiany uroczystości. Adres widać tylko raz, zaraz po
        utworzeniu; kto go zna, widzi terminy, miejsca i liczbę laureatów (bez nazwisk).
      </p>
      {answer?.url ? (
        <div className="alert alert--ok" role="status">
          <p>Utworzono adres. Skopiuj go teraz, później nie będzie widoczny:</p>
          <p>
            <code>{answer.url}</code>
          </p>
        </div>
      ) : null}
      {answer?.error ? (
        <p className="alert alert--error" role="alert">
          {answer.error}
        </p>
      ) : null}
      {tokens.length === 0 ? (
        <p className="empty-state">Nie utworzono jeszcze żadnego adresu.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Dla kogo</th>
              <th scope="col">Utworzono</th>
              <th scope="col">Stan</th>
              <th scope="col">
                <span className="visually-hidden">Akcja</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td>{t.label}</td>
                <td>{formatWarsawDateTime(new Date(t.createdAt))}</td>
                <td>{t.revokedAt ? `unieważniony ${formatWarsawDateTime(new Date(t.revokedAt))}` : "aktywny"}</td>
                <td>
                  {t.revokedAt ? null : confirm === t.id ? (
                    <Form method="post" action="/admin/calendar-feeds">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="id" value={t.id} />
                      <button type="submit">Tak, unieważnij adres „{t.label}”</button> <Link to="/admin/calendar-feeds">Nie</Link>
                    </Form>
                  ) : (
                    <Link to={`?uniewaznij=${t.id}`}>Unieważnij…</Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="nowy-adres" className="form-page">
        <h2 id="nowy-adres">Nowy adres subskrypcji</h2>
        <Form method="post">
          <input type="hidden" name="intent" value="create" />
          <div className="field">
            <label htmlFor="feed-label">Dla kogo (np. „Kancelaria Rady Miasta”)</label>
            <input id="feed-label" name="label" type="text" required maxLength={200} />
          </div>
          <div className="form-actions">
            <button type="submit">Utwórz adres</button>
          </div>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
