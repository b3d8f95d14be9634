/**
 * How a command reaches Qualys: the real subscription from flags and
 * environment, or, with `--simulator`, an in-process simulator seeded from
 * the repository so a command can be tried without a subscription.
 */
import type { Command } from 'commander';

import { UsageError } from '../errors.ts';
import { log, registerSecret } from '../output/logger.ts';
import { createClient } from '../qualys/client.ts';
import type { QualysClient } from '../qualys/types.ts';
import { simDataFromRoot } from '../simulator/seed-from-root.ts';
import { startSimulator, type RunningSimulator } from '../simulator/server.ts';

export interface QualysOptions {
  simulator?: boolean;
  qualysUrl?: string;
  qualysUser?: string;
}

export interface QualysConnection {
  client: QualysClient;
  simulator?: RunningSimulator;
  close(): Promise<void>;
}

export function addQualysOptions(cmd: Command): Command {
  return cmd
    .option(
      '--simulator',
      'run against a local Qualys simulator seeded from the repository',
    )
    .option('--qualys-url <url>', 'Qualys API server (default: QUALYS_API_URL)')
    .option(
      '--qualys-user <name>',
      'Qualys user name (default: QUALYS_USERNAME)',
    );
}

/**
 * Opens the client the options ask for. The password only comes from
 * QUALYS_PASSWORD, never from a flag, so it stays out of shell history.
 * @throws UsageError naming the missing settings or a URL that is not HTTPS;
 * InputError when `--simulator` meets a repository with errors.
 */
export async function openQualys(
  opts: QualysOptions,
  root: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<QualysConnection> {
  if (opts.simulator) {
    const simulator = await startSimulator({
      data: await simDataFromRoot(root, { env }),
    });
    log.info('using the Qualys simulator', { url: simulator.url });
    const client = createClient({
      baseUrl: simulator.url,
      username: simulator.username,
      password: simulator.password,
    });
    return { client, simulator, close: () => simulator.close() };
  }

  const baseUrl = opts.qualysUrl ?? env.QUALYS_API_URL;
  const username = opts.qualysUser ?? env.QUALYS_USERNAME;
  const password = env.QUALYS_PASSWORD;
  const absent = [
    baseUrl ? undefined : 'QUALYS_API_URL (or --qualys-url)',
    username ? undefined : 'QUALYS_USERNAME (or --qualys-user)',
    password ? undefined : 'QUALYS_PASSWORD',
  ].filter((name): name is string => name !== undefined);
  if (!baseUrl || !username || !password) {
    throw new UsageError(`Qualys settings missing: ${absent.join(', ')}`, {
      hint: 'set them in the environment, or add --simulator to try against a local simulator',
    });
  }
  checkUrl(baseUrl);
  registerSecret(password);
  const client = createClient({
    baseUrl: baseUrl.replace(/\/+$/, ''),
    username,
    password,
  });
  return { client, close: () => Promise.resolve() };
}

/** @throws UsageError unless HTTPS, or plain HTTP to this machine. */
function checkUrl(text: string): void {
  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    throw new UsageError(`"${text}" is not a URL`, {
      hint: 'give the platform API server, e.g. https://qualysapi.qualys.com',
      cause: error,
    });
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
    throw new UsageError(`the Qualys API URL must use https: ${text}`, {
      hint: 'the password is sent with every call; only a local simulator may use http',
    });
  }
}
