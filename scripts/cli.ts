/**
 * Entry point of `vmgov`: wires the commands and turns what they return or
 * throw into an exit code (0 clean, 1 the input has errors, 2 usage or
 * internal error). Nothing else sets the exit code.
 */
import { Command, CommanderError } from 'commander';

import { registerCommands } from './commands/index.ts';
import { isUserError } from './errors.ts';
import { log, setLevel } from './output/logger.ts';

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

  program.hook('preAction', (root) => {
    const opts = root.opts<{ verbose?: boolean; quiet?: boolean }>();
    if (opts.verbose) setLevel('debug');
    else if (opts.quiet) setLevel('warn');
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

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    const clean = ['commander.helpDisplayed', 'commander.version'];
    return clean.includes(error.code) ? 0 : 2;
  }
  if (isUserError(error)) {
    log.error(error.message);
    if (error.hint) log.error(`hint: ${error.hint}`);
    return error.exitCode;
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
