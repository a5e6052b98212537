// One way to send a file for download: the headers every export and print shares.

/** RFC 5987 / 8187 value: UTF-8, percent-encoded, with the characters encodeURIComponent leaves. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="…"; filename*=UTF-8''…`: old clients read the ASCII name, others the UTF-8 one. */
export function attachmentDisposition(fileName: string, asciiName?: string): string {
  // Ł and ł have no decomposition: they are mapped by hand, the other letters lose their marks.
  const folded = fileName
    .replace(/ł/g, "l")
    .replace(/Ł/g, "L")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
  const ascii = (asciiName ?? folded).replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc8187(fileName)}`;
}

/** A file response that no browser or proxy keeps a copy of (the files carry personal data). */
export function downloadResponse(
  body: string | Uint8Array,
  options: { fileName: string; asciiName?: string; contentType: string; status?: number; inline?: boolean },
): Response {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    status: options.status ?? 200,
    headers: {
      "Content-Type": options.contentType,
      // Inline: shown in the browser's own viewer (a preview), with the same name if saved.
      "Content-Disposition": options.inline
        ? attachmentDisposition(options.fileName, options.asciiName).replace(/^attachment/, "inline")
        : attachmentDisposition(options.fileName, options.asciiName),
      "Cache-Control": "no-store",
    },
  });
}
