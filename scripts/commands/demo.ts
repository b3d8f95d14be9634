/**
 * `vmgov demo` (`npm run demo`): the whole program on the embedded default.
 * It starts one Qualys simulator seeded from the repository, points every
 * step at it, and runs the same commands an operator runs: validate, plan,
 * apply, plan again, and the month's reports into a local outbox.
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

import type { Command } from 'commander';

import { main } from '../cli.ts';
import { UserError } from '../errors.ts';
import { lastEndedMonth } from '../findings/deadline.ts';
import { print } from '../output/print.ts';
import { loadPolicyOrThrow } from '../policy/load.ts';
import { simDataFromRoot } from '../simulator/seed-from-root.ts';
import { startSimulator } from '../simulator/server.ts';
import type { Outcome } from './index.ts';

interface DemoOptions {
  root: string;
  outbox?: string;
  month?: string;
}

interface Step {
  title: string;
  argv: string[];
  /** Exit codes that mean the step did what the demo expects. */
  expect: number[];
}

export function register(program: Command, outcome: Outcome): void {
  program
    .command('demo')
    .description(
      'run validate, plan, apply, plan and the monthly reports against ' +
        'a local Qualys simulator; nothing leaves this machine',
    )
    .option('--root <dir>', 'the policy repository root', '.')
    .option('--outbox <dir>', 'where the reports go (default: out/demo)')
    .option('--month <YYYY-MM>', 'the month reported (default: last month)')
    .action(async (options: DemoOptions) => {
      outcome.code = await runDemo(options);
    });
}

/**
 * Runs the demo and returns its exit code.
 * @throws InputError when the repository does not validate.
 */
export async function runDemo(options: DemoOptions): Promise<number> {
  const started = Date.now();
  const root = path.resolve(options.root);
  const outbox = path.resolve(options.outbox ?? path.join(root, 'out', 'demo'));
  const month = options.month ?? lastEndedMonth(new Date());

  progress('starting the Qualys simulator, seeded from the repository');
  const data = await simDataFromRoot(root);
  const simulator = await startSimulator({ data });
  const hostCount = simulator.data.hosts.length;
  const restore = pointAt(simulator);
  const common = ['--root', root];
  // Each run starts from an empty ledger and history of its own, so a
  // second demo writes the same reports again instead of skipping them.
  const stateDir = path.join(outbox, '.state');
  await rm(stateDir, { recursive: true, force: true });
  await rm(path.join(outbox, month), { recursive: true, force: true });
  const steps: Step[] = [
    {
      title: 'validate the repository',
      argv: ['validate', ...common],
      expect: [0],
    },
    {
      title: 'plan: what would change in Qualys',
      argv: ['plan', ...common],
      expect: [0],
    },
    {
      title: 'apply the plan',
      argv: ['apply', '--yes', ...common],
      expect: [0],
    },
    {
      title: 'plan again: nothing should be left to change',
      argv: ['plan', '--detailed-exitcode', ...common],
      expect: [0],
    },
    {
      title: `monthly reports for ${month} into the outbox`,
      argv: ['report', '--month', month, '--outbox', outbox, ...common],
      expect: [0],
    },
  ];

  try {
    process.env.VMGOV_STATE_DIR = stateDir;
    for (const [index, step] of steps.entries()) {
      progress(`[${index + 1}/${steps.length}] ${step.title}`);
      const stepStarted = Date.now();
      const code = await main(step.argv);
      progress(`done in ${seconds(stepStarted)} s`);
      if (!step.expect.includes(code)) {
        throw new UserError(
          `demo step "${step.title}" ended with exit code ${code}`,
          { hint: 'the lines above say what went wrong' },
        );
      }
    }
    const marker = (await loadPolicyOrThrow(root)).program.sync.marker;
    const groups = simulator.data.assetGroups.length;
    const managed = simulator.data.assetGroups.filter((group) =>
      group.comments?.includes(marker),
    ).length;
    const files = await listFiles(path.join(outbox, month));
    printSummary({ hostCount, groups, managed, files, outbox, month, started });
    return 0;
  } finally {
    restore();
    await simulator.close();
  }
}

/** Points the Qualys settings of this process at the simulator. */
function pointAt(simulator: {
  url: string;
  username: string;
  password: string;
}): () => void {
  const names = [
    'QUALYS_API_URL',
    'QUALYS_USERNAME',
    'QUALYS_PASSWORD',
    'VMGOV_STATE_DIR',
    'SMTP_URL',
  ];
  const saved = names.map((name) => [name, process.env[name]] as const);
  process.env.QUALYS_API_URL = simulator.url;
  process.env.QUALYS_USERNAME = simulator.username;
  process.env.QUALYS_PASSWORD = simulator.password;
  // The demo never sends mail, even where SMTP_URL is set.
  delete process.env.SMTP_URL;
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function printSummary(facts: {
  hostCount: number;
  groups: number;
  managed: number;
  files: string[];
  outbox: string;
  month: string;
  started: number;
}): void {
  const mails = facts.files.filter((file) => file.endsWith('.eml'));
  const pages = facts.files.filter((file) => file.endsWith('.html'));
  const pdfs = facts.files.filter((file) => file.endsWith('.pdf'));
  const byHand = facts.groups - facts.managed;
  print('');
  print(`demo finished in ${seconds(facts.started)} s`);
  print(`  simulated hosts:        ${facts.hostCount}`);
  print(
    `  asset groups in Qualys: ${facts.groups} (${facts.managed} from this ` +
      `repository, ${byHand} made by hand in Qualys and left untouched)`,
  );
  print(`  mails written:          ${mails.length} (.eml, with .html to view)`);
  print(`  PDFs written:           ${pdfs.length}`);
  print(`  outbox:                 ${path.join(facts.outbox, facts.month)}`);
  for (const file of [...mails, ...pages, ...pdfs]) {
    print(`    ${path.relative(process.cwd(), file)}`);
  }
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}

function progress(message: string): void {
  print(`==> ${message}`);
}
