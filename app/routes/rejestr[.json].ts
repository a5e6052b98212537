// The public registry as JSON (open data): every public conferral the filter matches, with the
// same fields as /rejestr.csv. No sign-in.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicRegistryUrl } from "#app/domain/diploma";
import { openDataRecord } from "#app/domain/open-data";
import { parseRegistryQuery, registrySearchParams } from "#app/domain/registry";
import { allPublicConferrals } from "#app/models/registry.server";
import { env } from "#app/utils/env.server";
import { PUBLIC_CACHE_CONTROL } from "#app/utils/http";

export async function loader({ request }: LoaderFunctionArgs) {
  const query = parseRegistryQuery(new URL(request.url).searchParams, "public");
  const rows = await allPublicConferrals(query);
  const base = env().PUBLIC_BASE_URL;
  const filter = Object.fromEntries(registrySearchParams(query));
  const body = {
    zrodlo: `${base.replace(/\/+$/, "")}/rejestr`,
    filtr: filter,
    liczba: rows.length,
    wyroznienia: rows.map((c) => openDataRecord(c, publicRegistryUrl(base, c.publicId))),
  };
  // nosniff and the other security headers come from the server with every response (scripts/server.ts).
  return new Response(JSON.stringify(body, null, 1), { headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": PUBLIC_CACHE_CONTROL } });
}
