// The Content-Security-Policy nonce of the current request (see scripts/server.ts), for the
// inline scripts React and Remix render: <Scripts>, <ScrollRestoration> and the streamed data.
// The server puts it into Remix's load context; app/entry.server.tsx hands it to this context.
// In the browser there is none (the nonce only matters in the server-rendered HTML).
import { createContext, useContext } from "react";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-request nonce allowed by the response's Content-Security-Policy (script-src). */
    cspNonce?: string;
  }
}

const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
