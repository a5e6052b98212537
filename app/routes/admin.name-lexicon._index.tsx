// /admin/name-lexicon: the lexicon of confirmed name forms (issue 17): search, add, export.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormErrors } from "#app/components/forms";
import { Pagination } from "#app/components/pagination";
import { LexiconFields } from "#app/components/name-lexicon";
import { pageOf } from "#app/domain/form-fields";
import { LEXICON_GENDER_LABEL, LEXICON_KIND_LABEL, LEXICON_KINDS, LexiconEntrySchema, type LexiconGender, type LexiconKind } from "#app/domain/name-lexicon";
import { LEXICON_PAGE_SIZE, listLexicon, saveLexiconEntry } from "#app/models/name-lexicon.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { redirectWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Słownik odmiany nazw · Merenti" }];

const ORIGIN_LABEL: Record<string, string> = { SEED: "wpis startowy", CONFIRMED: "z potwierdzenia", ADMIN: "administrator" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "settings:manage");
  const url = new URL(request.url);
  const kindParam = url.searchParams.get("rodzaj") ?? "";
  const kind = (LEXICON_KINDS as readonly string[]).includes(kindParam) ? (kindParam as LexiconKind) : undefined;
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const page = pageOf(url.searchParams);
  const list = await listLexicon({ kind, q, page });
  return {
    kind: kind ?? "",
    q,
    ...list,
    pages: Math.max(1, Math.ceil(list.total / LEXICON_PAGE_SIZE)),
    entries: list.entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      nominative: e.nominative,
      gender: e.gender,
      genitive: e.genitive,
      dative: e.dative,
      origin: e.origin,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "settings:manage");
  const submission = parseWithZod(await request.formData(), { schema: LexiconEntrySchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await saveLexiconEntry(null, submission.value, { userId: user.id });
  if (outcome.kind === "duplicate")
    return data(
      { result: submission.reply({ fieldErrors: { nominative: ["To słowo (tego rodzaju) jest już w słowniku: popraw istniejący wpis."] } }) },
      { status: 400 },
    );
  return redirectWithToast("/admin/name-lexicon", {
    title: `Dodano wpis „${submission.value.nominative}”.`,
    link: outcome.kind === "saved" ? { href: `/admin/name-lexicon/${outcome.id}`, label: "Popraw wpis" } : undefined,
  });
}

export default function NameLexicon() {
  const { entries, total, page, pages, kind, q } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "lexicon-new",
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    defaultValue: { kind: "SURNAME" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LexiconEntrySchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <h1>Słownik odmiany nazw</h1>
      <p>
        Formy, które podpowiadanie odmiany bierze przed regułami: imiona, nazwiska i rzeczowniki główne nazw instytucji. Słownik uczy się sam, gdy ktoś poprawi
        i potwierdzi formy nazwy kandydata; tu można je poprawić, dodać lub usunąć. <a href="/admin/name-lexicon.csv">Pobierz słownik (CSV)</a>
      </p>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="lexicon-kind">Rodzaj</label>
          <select id="lexicon-kind" name="rodzaj" defaultValue={kind}>
            <option value="">wszystkie</option>
            {LEXICON_KINDS.map((k) => (
              <option key={k} value={k}>
                {LEXICON_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="lexicon-q">Słowo</label>
          <input id="lexicon-q" name="q" type="search" defaultValue={q} />
        </div>
        <div className="filters__actions">
          <button type="submit">Szukaj</button>
        </div>
      </Form>
      {entries.length === 0 ? (
        <p className="empty-state">Brak wpisów{q || kind ? " spełniających warunki" : ""}.</p>
      ) : (
        <table className="data-table">
          <caption>Wpisy: {total}</caption>
          <thead>
            <tr>
              <th scope="col">Mianownik</th>
              <th scope="col">Dopełniacz</th>
              <th scope="col">Celownik</th>
              <th scope="col">Rodzaj wpisu</th>
              <th scope="col">Rodzaj gramatyczny</th>
              <th scope="col">Pochodzenie</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>
                  <Link to={`/admin/name-lexicon/${e.id}`}>{e.nominative}</Link>
                </td>
                <td>{e.genitive}</td>
                <td>{e.dative}</td>
                <td>{LEXICON_KIND_LABEL[e.kind as LexiconKind] ?? e.kind}</td>
                <td>{e.gender ? LEXICON_GENDER_LABEL[e.gender as LexiconGender] : "dowolny"}</td>
                <td>{ORIGIN_LABEL[e.origin] ?? e.origin}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} pages={pages} />
      <section aria-labelledby="nowy-wpis" className="form-page">
        <h2 id="nowy-wpis">Dodaj wpis</h2>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <LexiconFields fields={fields} />
          <div className="form-actions">
            <button type="submit">Dodaj wpis</button>
          </div>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
