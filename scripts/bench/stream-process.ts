/**
 * One measured run in a fresh process, so its peak RSS is its own:
 * `client` streams every detection page through the Qualys client;
 * `bare` posts the same requests with axios and parses each page with a
 * default fast-xml-parser, following the same 1980 URLs.
 */
import { Agent } from 'node:http';

import axios from 'axios';
import { XMLParser } from 'fast-xml-parser';

import { createClient } from '../qualys/client.ts';
import { ENDPOINTS } from '../qualys/endpoints.ts';

interface Target {
  url: string;
  username: string;
  password: string;
}

export interface RunResult {
  hosts: number;
  detections: number;
  pages: number;
  ms: number;
  peakRssMiB: number;
}

// Every status, so all generated detections stream (Qualys leaves Fixed out).
const STATUSES = ['New', 'Active', 'Re-Opened', 'Fixed'];
const FILTER = { status: STATUSES, showResults: false, truncationLimit: 1000 };

async function viaClient(
  target: Target,
): Promise<Omit<RunResult, 'ms' | 'peakRssMiB'>> {
  const client = createClient({
    baseUrl: target.url,
    username: target.username,
    password: target.password,
  });
  let hosts = 0;
  let detections = 0;
  let pages = 0;
  for await (const page of client.streamDetections(FILTER)) {
    pages += 1;
    hosts += page.length;
    for (const host of page) detections += host.detections.length;
  }
  return { hosts, detections, pages };
}

type Node = Record<string, unknown>;
const asList = (value: unknown): Node[] =>
  value === undefined
    ? []
    : Array.isArray(value)
      ? (value as Node[])
      : [value as Node];

async function viaBareParser(
  target: Target,
): Promise<Omit<RunResult, 'ms' | 'peakRssMiB'>> {
  const parser = new XMLParser();
  const auth = { username: target.username, password: target.password };
  let hosts = 0;
  let detections = 0;
  let pages = 0;
  let idMin: string | undefined;
  do {
    const form = new URLSearchParams({
      action: 'list',
      status: STATUSES.join(','),
      show_results: '0',
      truncation_limit: '1000',
    });
    if (idMin) form.set('id_min', idMin);
    const response = await axios.post<string>(
      `${target.url}${ENDPOINTS.detection}`,
      form,
      {
        auth,
        // As the client does: a fresh connection per page.
        httpAgent: new Agent({ keepAlive: false }),
        headers: { 'X-Requested-With': 'vmgov-bench' },
        responseType: 'text',
        transformResponse: [(data: unknown) => data],
      },
    );
    const root = (parser.parse(response.data) as Node)[
      'HOST_LIST_VM_DETECTION_OUTPUT'
    ] as Node;
    const body = root['RESPONSE'] as Node;
    const list = asList((body['HOST_LIST'] as Node | undefined)?.['HOST']);
    pages += 1;
    hosts += list.length;
    for (const host of list) {
      detections += asList(
        (host['DETECTION_LIST'] as Node | undefined)?.['DETECTION'],
      ).length;
    }
    const url = (body['WARNING'] as Node | undefined)?.['URL'];
    idMin =
      typeof url === 'string'
        ? (new URL(url).searchParams.get('id_min') ?? undefined)
        : undefined;
  } while (idMin);
  return { hosts, detections, pages };
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  const target = JSON.parse(
    process.env['VMGOV_BENCH_TARGET'] ?? '{}',
  ) as Target;
  const started = performance.now();
  const counts =
    mode === 'client' ? await viaClient(target) : await viaBareParser(target);
  const ms = performance.now() - started;
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  process.send?.({ ...counts, ms, peakRssMiB } satisfies RunResult);
  process.disconnect();
}

main().catch((error: unknown) => {
  // Only the message: an axios error holds the request's credentials.
  process.stderr.write(
    `bench run failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
