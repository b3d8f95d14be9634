/**
 * Entry point of `vmgov`: wires the commands and turns what they return or
 * throw into an exit code (0 clean, 1 the input has errors, 2 usage or
 * internal error). Nothing else sets the exit code.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

import { Command, CommanderError } from 'commander';

import { registerCommands } from './commands/index.ts';
import { UsageError, isUserError } from './errors.ts';
import { systemErrorAsUsage } from './output/fs-errors.ts';
import { log, setLevel } from './output/logger.ts';
import { QualysApiError, QualysTransportError } from './qualys/errors.ts';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('vmgov')
    .description('Vulnerability management policy as code, for Qualys')
    .option('--verbose', 'show debug detail')
    .option('--quiet', 'show only warnings and errors')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => process.stdout.write(text),
      writeErr: (text) => process.stderr.write(text),
    })
    .showHelpAfterError();

  program.hook('preAction', (root, action) => {
    const opts = root.opts<{ verbose?: boolean; quiet?: boolean }>();
    if (opts.verbose) setLevel('debug');
    else if (opts.quiet) setLevel('warn');
    checkRoot(action.opts<{ root?: unknown }>().root);
  });

  const outcome = { code: 0 };
  registerCommands(program, outcome);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return outcome.code;
  } catch (error) {
    return exitCodeFor(error);
  }
}

/**
 * A mistyped --root must not read as "nothing to do": every command that
 * takes it needs a policy repository there.
 * @throws UsageError naming the folder when it holds no policy/program.yaml.
 */
function checkRoot(root: unknown): void {
  if (typeof root !== 'string') return;
  const program = path.join(root, 'policy', 'program.yaml');
  if (existsSync(program)) return;
  const where = path.resolve(root);
  const problem = existsSync(where)
    ? 'has no policy/program.yaml'
    : 'does not exist';
  throw new UsageError(`--root ${where} ${problem}`, {
    hint: 'give the folder of the policy repository (the one holding policy/ and units/)',
  });
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    const clean = ['commander.helpDisplayed', 'commander.version'];
    return clean.includes(error.code) ? 0 : 2;
  }
  const user = isUserError(error) ? error : systemErrorAsUsage(error);
  if (user) {
    log.error(user.message);
    if (user.hint) log.hint(user.hint);
    return user.exitCode;
  }
  if (error instanceof QualysTransportError) {
    log.error(`could not reach Qualys: ${error.message}`);
    log.hint('check QUALYS_API_URL (your platform API server) and the network');
    return 2;
  }
  if (error instanceof QualysApiError) {
    log.error(`Qualys refused the request: ${error.message}`);
    return 2;
  }
  log.error('internal error, please report it with the --verbose output', {
    error: error instanceof Error ? error.message : String(error),
  });
  if (error instanceof Error && error.stack) log.debug(error.stack);
  return 2;
}

const invokedDirectly =
  process.argv[1] !== undefined &&
  import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));

if (invokedDirectly) {
  process.exitCode = await main(process.argv.slice(2));
}
