/**
 * Run by the launcher tests: prints the V8 heap limit in MiB, as TypeScript
 * so it proves tsx is loaded, and exits with the code given.
 */
import { getHeapStatistics } from 'node:v8';

const limit: number = getHeapStatistics().heap_size_limit;
process.stdout.write(`${Math.round(limit / 2 ** 20)}\n`);
process.exitCode = Number(process.argv[2] ?? 0);
