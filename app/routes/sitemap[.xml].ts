// sitemap.xml: the public registry and every public conferral's permalink, for search engines.
import { publicRegistryUrl } from "#app/domain/diploma";
import { sitemapXml } from "#app/domain/open-data";
import { parseRegistryQuery } from "#app/domain/registry";
import { allPublicConferrals } from "#app/models/registry.server";
import { env } from "#app/utils/env.server";
import { PUBLIC_CACHE_CONTROL } from "#app/utils/http";

export async function loader() {
  const base = env().PUBLIC_BASE_URL;
  const rows = await allPublicConferrals(parseRegistryQuery(new URLSearchParams(), "public"));
  const xml = sitemapXml([
    { loc: `${base.replace(/\/+$/, "")}/rejestr` },
    ...rows.map((c) => ({ loc: publicRegistryUrl(base, c.publicId), lastmod: c.handedOverOn ?? c.conferredOn })),
  ]);
  return new Response(xml, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": PUBLIC_CACHE_CONTROL } });
}
