#!/usr/bin/env node
// Runs a TypeScript entry through tsx in a child Node process with a
// bounded heap: `node scripts/launch.mjs FILE.ts [args]`. Plain JavaScript,
// because it runs before tsx is loaded.
//
// V8 sizes its heap from the machine's memory: on a 24 GB machine a report
// run over 100,000 hosts grew to 1.3 GiB while holding about 100 MiB of
// live data. With a limit V8 collects sooner and stays far below it. An
// operator who needs more sets NODE_OPTIONS=--max-old-space-size=N.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const HEAP_LIMIT_MIB = 768;

/**
 * Runs `entry` with `args` and returns the exit code to leave with.
 * @param {string} entry
 * @param {string[]} args
 * @returns {number}
 */
export function launch(entry, args) {
  const require = createRequire(import.meta.url);
  const given = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`;
  // Node takes the flag with dashes or underscores.
  const heap = /--max[-_]old[-_]space[-_]size/.test(given)
    ? []
    : [`--max-old-space-size=${HEAP_LIMIT_MIB}`];
  const result = spawnSync(
    process.execPath,
    [...heap, '--import', require.resolve('tsx'), entry, ...args],
    { stdio: 'inherit' },
  );
  return result.status ?? 2;
}

if (
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry || entry.startsWith('-')) {
    process.stderr.write('usage: node scripts/launch.mjs FILE.ts [args]\n');
    process.exit(2);
  }
  process.exit(launch(resolve(entry), args));
}
