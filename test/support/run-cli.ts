/**
 * Runs the `vmgov` entry in-process and captures what it prints (stdout)
 * and logs (stderr), so command tests assert exact output and exit codes.
 */
import { main } from '../../scripts/cli.ts';
import { setSink } from '../../scripts/output/logger.ts';
import { setPrintSink } from '../../scripts/output/print.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCli(args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const restorePrint = setPrintSink((text) => (out += text));
  const restoreLog = setSink((line) => (err += line));
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    restorePrint();
    restoreLog();
  }
}
