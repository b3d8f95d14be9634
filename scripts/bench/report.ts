/**
 * `npm run bench:report`: the findings pipeline on 100,000 hosts and
 * 2,000,000 detections, against a bare fast-xml-parser parse of the same
 * pages (goal: at least 0.6 of its throughput, peak memory under 1 GiB),
 * then 500 units rendered to mail and PDF. Scale with
 * `-- --hosts N --per-host N --units N`. npm runs it through
 * scripts/launch.mjs, so the heap limit is the one vmgov runs with.
 */
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';

import { XMLParser } from 'fast-xml-parser';

import { collectFindings } from '../findings/collect.ts';
import { detectionPagesSource } from '../findings/detection-file-source.ts';
import { print } from '../output/print.ts';
import { loadPolicyOrThrow } from '../policy/load.ts';
import { renderMessages } from '../reports/build-messages.ts';
import {
  type BenchShape,
  benchKb,
  benchPolicy,
  detectionPage,
  pageCount,
} from './report-data.ts';

const { values } = parseArgs({
  options: {
    hosts: { type: 'string', default: '100000' },
    'per-host': { type: 'string', default: '20' },
    units: { type: 'string', default: '500' },
    root: { type: 'string', default: '.' },
  },
});
const shape: BenchShape = {
  hosts: Number(values.hosts),
  detectionsPerHost: Number(values['per-host']),
  hostsPerPage: 1000,
  units: Number(values.units),
  qids: 2000,
};

// The kernel's high-water mark catches peaks inside a page's parse, which
// sampling between pages would miss.
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function bareParse(): { ms: number; bytes: number } {
  const parser = new XMLParser();
  let ms = 0;
  let bytes = 0;
  for (let page = 0; page < pageCount(shape); page += 1) {
    const xml = detectionPage(shape, page);
    bytes += xml.length;
    const start = performance.now();
    parser.parse(xml);
    ms += performance.now() - start;
  }
  return { ms, bytes };
}

async function pipeline(model: Awaited<ReturnType<typeof loadPolicyOrThrow>>) {
  let generating = 0;
  const source = detectionPagesSource(
    'bench pages',
    function* () {
      for (let page = 0; page < pageCount(shape); page += 1) {
        const start = performance.now();
        const xml = detectionPage(shape, page);
        generating += performance.now() - start;
        yield { origin: `page ${page + 1}`, xml };
      }
    },
    () => Promise.resolve(benchKb(shape)),
  );
  const start = performance.now();
  const result = await collectFindings(source, model, '2026-10');
  return { result, ms: performance.now() - start - generating };
}

const base = await loadPolicyOrThrow(values.root);
const model = benchPolicy(base, shape);
const detections = shape.hosts * shape.detectionsPerHost;
print(
  `bench:report  ${shape.hosts} hosts, ${detections} detections, ${pageCount(shape)} pages, ${shape.units} units`,
);
print(
  `heap limit    ${mib(getHeapStatistics().heap_size_limit)} (vmgov's, from scripts/launch.mjs)`,
);

// The pipeline runs first, cold, so the peak after it is its own.
const run = await pipeline(model);
const pipelinePeak = peakRss();
const bare = bareParse();
const ratio = bare.ms / run.ms;
print(
  `bare parse    ${seconds(bare.ms)}  ${mib(bare.bytes)} of XML  ${(bare.bytes / 2 ** 20 / (bare.ms / 1000)).toFixed(1)} MiB/s`,
);
print(
  `pipeline      ${seconds(run.ms)}  ${run.result.totals.kept} findings kept of ${run.result.totals.seen}`,
);
print(
  `throughput    ${ratio.toFixed(2)} of the bare parse (goal >= 0.6) ${ratio >= 0.6 ? 'met' : 'NOT met'}`,
);
print(
  `peak memory   ${mib(pipelinePeak)} RSS in the pipeline (goal < 1024 MiB) ${pipelinePeak < 2 ** 30 ? 'met' : 'NOT met'}`,
);

// Rendered as the report command does: one message at a time.
const start = performance.now();
let failed = 0;
let messages = 0;
let pdfBytes = 0;
const rendered = renderMessages(run.result, model, undefined, () => {
  failed += 1;
});
for await (const { mail } of rendered) {
  messages += 1;
  pdfBytes += mail.attachments?.[0]?.content.length ?? 0;
}
print(
  `render        ${messages} messages (${shape.units} units + ISO) in ${seconds(performance.now() - start)}, ` +
    `${mib(pdfBytes)} of PDF, ${failed} failed`,
);
print(`peak memory   ${mib(peakRss())} RSS overall`);
