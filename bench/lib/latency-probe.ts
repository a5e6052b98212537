// Requests one page in turn for a while and prints the latencies (ms) as JSON. Run as its own
// process by bench/registry.ts, so the load generator's event loop does not delay the probe.
//   tsx bench/lib/latency-probe.ts <url> <seconds>   (cookie in PROBE_COOKIE)
import { performance } from "node:perf_hooks";

const [url, seconds] = process.argv.slice(2);
if (!url || !seconds) throw new Error("usage: latency-probe.ts <url> <seconds>");
// Let the load generator get going first.
await new Promise((r) => setTimeout(r, 1000));
const until = Date.now() + Number(seconds) * 1000;
const samples: number[] = [];
while (Date.now() < until) {
  const start = performance.now();
  const res = await fetch(url, { headers: { Cookie: process.env.PROBE_COOKIE ?? "" } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  samples.push(performance.now() - start);
  await new Promise((r) => setTimeout(r, 200));
}
console.log(JSON.stringify(samples));
