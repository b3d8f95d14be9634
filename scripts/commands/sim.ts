/**
 * `vmgov sim`: runs the Qualys simulator on 127.0.0.1 until Ctrl-C and
 * prints where it listens and its throwaway credentials, so the other
 * commands (or a benchmark in another process) can talk to it.
 */
import type { Command } from 'commander';

import { UsageError } from '../errors.ts';
import { log } from '../output/logger.ts';
import { print } from '../output/print.ts';
import {
  emptySimData,
  loadSimData,
  saveSimData,
  type SimData,
} from '../simulator/data.ts';
import { loadKbFromXml } from '../simulator/kb-xml.ts';
import { simDataFromRoot } from '../simulator/seed-from-root.ts';
import { startSimulator } from '../simulator/server.ts';
import type { Outcome } from './index.ts';

interface SimOptions {
  port?: string;
  data?: string;
  seedFromRoot?: string;
  seed?: string;
  kbXml?: string;
  bulkHosts?: string;
  bulkDetections?: string;
  pageSize?: string;
  rate?: string;
  windowSec?: string;
  concurrency?: string;
  save?: string;
}

export function register(program: Command, outcome: Outcome): void {
  program
    .command('sim')
    .description('run a local Qualys API simulator until Ctrl-C')
    .option('--port <n>', 'port on 127.0.0.1 (default: a free one)')
    .option('--data <file>', 'load the dataset from a JSON file')
    .option(
      '--seed-from-root <dir>',
      'generate the dataset for this policy repository',
    )
    .option('--seed <n>', 'seed of the generated dataset', '1')
    .option('--kb-xml <file>', 'add the KnowledgeBase of a real KB response')
    .option('--bulk-hosts <n>', 'add this many hosts generated on demand')
    .option('--bulk-detections <n>', 'detections per bulk host', '20')
    .option('--page-size <n>', 'default truncation limit', '1000')
    .option('--rate <n>', 'calls per window per API function', '300')
    .option('--window-sec <n>', 'rate window in seconds', '3600')
    .option('--concurrency <n>', 'calls at once per API function', '2')
    .option('--save <file>', 'write the starting dataset to a JSON file')
    .action(async (opts: SimOptions) => {
      const data = await dataFor(opts);
      if (opts.save) await saveSimData(opts.save, data);
      const simulator = await startSimulator({
        port: port(opts.port ?? '0'),
        data,
        pageSize: whole('--page-size', opts.pageSize ?? '1000'),
        limits: {
          ratePerWindow: whole('--rate', opts.rate ?? '300'),
          windowSec: whole('--window-sec', opts.windowSec ?? '3600'),
          concurrency: whole('--concurrency', opts.concurrency ?? '2'),
        },
      });
      print(`url: ${simulator.url}`);
      print(`username: ${simulator.username}`);
      print(`password: ${simulator.password}`);
      log.info('Qualys simulator running; press Ctrl-C to stop', {
        hosts: data.hosts.length + (data.bulk?.hostCount ?? 0),
        assetGroups: data.assetGroups.length,
        kb: data.kb.length,
      });
      await stopSignal();
      await simulator.close();
      log.info('Qualys simulator stopped', { calls: simulator.calls.length });
      outcome.code = 0;
    });
}

/** @throws UsageError for --data with --seed-from-root; InputError for bad files. */
async function dataFor(opts: SimOptions): Promise<SimData> {
  if (opts.data && opts.seedFromRoot) {
    throw new UsageError('give either --data or --seed-from-root, not both');
  }
  const bulkHosts = opts.bulkHosts
    ? whole('--bulk-hosts', opts.bulkHosts)
    : undefined;
  const detectionsPerHost = whole(
    '--bulk-detections',
    opts.bulkDetections ?? '20',
  );
  let data: SimData;
  if (opts.data) data = await loadSimData(opts.data);
  else if (opts.seedFromRoot) {
    data = await simDataFromRoot(opts.seedFromRoot, {
      seed: whole('--seed', opts.seed ?? '1'),
    });
  } else data = emptySimData();

  if (opts.kbXml) {
    const known = new Set(data.kb.map((v) => v.qid));
    data.kb.push(
      ...(await loadKbFromXml(opts.kbXml)).filter((v) => !known.has(v.qid)),
    );
  }
  if (bulkHosts !== undefined) {
    const qids = data.kb
      .filter((v) => v.vulnType !== 'Information Gathered')
      .map((v) => v.qid);
    data.bulk = {
      seed: whole('--seed', opts.seed ?? '1'),
      hostCount: bulkHosts,
      detectionsPerHost,
      firstId: 50_000_001,
      firstIp: '100.64.0.0',
      qids: qids.length > 0 ? qids : [990003, 990004, 990005],
      now: new Date().toISOString().slice(0, 19) + 'Z',
    };
  }
  return data;
}

/** @throws UsageError when the value is not a whole number. */
function whole(flag: string, value: string): number {
  if (!/^\d+$/.test(value))
    throw new UsageError(`${flag} must be a whole number, got "${value}"`);
  return Number(value);
}

function port(value: string): number {
  const n = whole('--port', value);
  if (n > 65_535) {
    throw new UsageError(`--port ${n} is not a port`, {
      hint: 'give 1 to 65535, or 0 for any free one',
    });
  }
  return n;
}

function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
