import type { MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "#app/components/error-boundary";

export const meta: MetaFunction = () => [{ title: "Nie znaleziono strony · Merenti" }];

// Any unknown address: a Polish 404 page inside the layout.
export async function loader() {
  throw new Response("Nie znaleziono strony.", { status: 404 });
}

export default function NotFound() {
  return <GeneralErrorBoundary />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
