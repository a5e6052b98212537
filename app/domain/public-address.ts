// The application's public address (PUBLIC_BASE_URL) goes into every diploma's QR code and
// verification line and into calendar links. Left at its default, http://localhost:3000, it would
// send whoever scans a printed diploma to their own computer: such an address is refused for
// printing real (non-demo) records, with a message that tells the administrator what to set.

/** Host names that only ever mean "this computer" or the local network. */
function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host.endsWith(".local") ||
    host === "0.0.0.0" ||
    host === "::1" ||
    host === "::" ||
    /^127\./.test(host)
  );
}

/** Why `baseUrl` cannot be printed on a document; null when it is a public address. */
export function publicAddressProblem(baseUrl: string | undefined): string | null {
  const what = "Adres publiczny aplikacji nie jest ustawiony";
  const todo =
    "Administrator musi ustawić zmienną środowiskową PUBLIC_BASE_URL na publiczny adres rejestru (np. https://merenti.krakow.pl) i uruchomić aplikację ponownie; do tego czasu nie drukuje się dyplomów z kodem QR ani odnośników do kalendarza.";
  if (!baseUrl?.trim()) return `${what} (PUBLIC_BASE_URL jest pusty). ${todo}`;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return `${what}: „${baseUrl}” nie jest adresem URL. ${todo}`;
  }
  if (isLocalHost(url.hostname)) return `${what}: PUBLIC_BASE_URL to „${baseUrl}”, adres tego komputera, pod którym nikt inny nie otworzy rejestru. ${todo}`;
  return null;
}
