// The files the ceremony screens send: PDFs from the document renderer and iCalendar text.
import type { Document } from "#app/documents/blocks";
import { MissingGlyphsError, renderPdf } from "#app/documents/pdf.server";
import { ceremoniesToIcs } from "#app/domain/ceremony-ics";
import { publicAddressProblem } from "#app/domain/public-address";
import { downloadResponse } from "./download";
import { env } from "./env.server";

export async function ceremonyPdfResponse(doc: Document, fileStem: string): Promise<Response> {
  try {
    return downloadResponse(await renderPdf(doc), { fileName: `${fileStem}.pdf`, contentType: "application/pdf" });
  } catch (error) {
    // A name with a letter the font lacks is caught here, not printed as an empty box.
    if (error instanceof MissingGlyphsError) throw new Response(error.message, { status: 422, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw error;
  }
}

type IcsRow = Parameters<typeof ceremoniesToIcs>[0][number] extends infer T
  ? Omit<T, "laureateCount" | "venue"> & { venue: { name: string; address: string } | null; _count: { laureates: number } }
  : never;

/** `fileName` makes it a download (one event); without it, a feed a calendar subscribes to. */
export function icsResponse(rows: readonly (IcsRow & { isDemo?: boolean })[], options: { fileName?: string; calendarName?: string }): Response {
  // A calendar link to this computer's address is no link: refused outside demo data (issue 16).
  const problem = publicAddressProblem(env().PUBLIC_BASE_URL);
  if (problem && rows.some((r) => !r.isDemo)) throw new Response(problem, { status: 409, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const base = env().PUBLIC_BASE_URL.replace(/\/$/, "");
  const text = ceremoniesToIcs(
    rows.map((r) => ({ ...r, laureateCount: r._count.laureates })),
    { uidDomain: new URL(base).hostname, calendarName: options.calendarName, urlOf: (id) => `${base}/ceremonies/${id}` },
  );
  const contentType = "text/calendar; charset=utf-8";
  if (options.fileName) return downloadResponse(text, { fileName: options.fileName, contentType });
  return new Response(text, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
