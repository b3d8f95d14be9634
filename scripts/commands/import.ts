/**
 * `vmgov import`: writes units/<id>.yaml for existing Qualys groups chosen
 * by title. Exit 0 written and valid, 1 a group is missing or unusable or
 * the file exists, 2 usage error. A file that fails validation is removed.
 */
import { access, rm } from 'node:fs/promises';
import path from 'node:path';

import type { Command } from 'commander';

import { InputError, UsageError } from '../errors.ts';
import { log } from '../output/logger.ts';
import { writeFileAtomic } from '../output/atomic-write.ts';
import { print } from '../output/print.ts';
import { loadPolicy } from '../policy/load.ts';
import { unitYaml } from '../sync/import-unit.ts';
import type { Outcome } from './index.ts';
import {
  addQualysOptions,
  openQualys,
  type QualysOptions,
} from './qualys-connection.ts';

interface ImportOptions extends QualysOptions {
  root: string;
  title: string[];
  unit?: string;
  name?: string;
  owner: string[];
  executive: string[];
  sysadmin: string[];
}

const many = (value: string, all: string[]) => [...all, value];

export function register(program: Command, outcome: Outcome): void {
  const command = program
    .command('import')
    .description('write a unit file for groups that already exist in Qualys')
    .requiredOption('--title <title>', 'a group title (repeatable)', many, [])
    .option('--unit <id>', 'the unit id (default: first title without mg-)')
    .option('--name <name>', "the unit's full name (default: the id)")
    .option(
      '--owner <team>',
      'GitHub team that approves (repeatable)',
      many,
      [],
    )
    .option(
      '--executive <mail>',
      'executive report recipient (repeatable)',
      many,
      [],
    )
    .option(
      '--sysadmin <mail>',
      'sys-admin report recipient (repeatable)',
      many,
      [],
    )
    .option('--root <dir>', 'the policy repository root', '.');
  addQualysOptions(command).action(async (options: ImportOptions) => {
    outcome.code = await importUnit(options);
  });
}

/**
 * @throws UsageError when owners or contacts are missing; InputError when a
 *   title is not in Qualys, the file exists, or the result is invalid.
 */
async function importUnit(options: ImportOptions): Promise<number> {
  const missing = ['owner', 'executive', 'sysadmin'].filter(
    (k) => options[k as 'owner' | 'executive' | 'sysadmin'].length === 0,
  );
  if (missing.length > 0) {
    throw new UsageError(
      `import needs ${missing.map((m) => `--${m}`).join(', ')}`,
      {
        hint: 'Qualys does not know who owns a group or who gets its reports',
      },
    );
  }
  const id = options.unit ?? (options.title[0] ?? '').replace(/^mg-/, '');
  const file = path.join(options.root, 'units', `${id}.yaml`);
  if (await exists(file)) {
    throw new InputError(`units/${id}.yaml already exists`, {
      hint: 'add the groups to it by hand, or import under another --unit',
    });
  }

  const qualys = await openQualys(options, options.root);
  let text: string;
  try {
    const groups = await qualys.client.listAssetGroups();
    const chosen = options.title.map((title) => {
      const group = groups.find((g) => g.title === title);
      if (!group)
        throw new InputError(`no asset group titled "${title}" in Qualys`);
      return group;
    });
    const identity = {
      id,
      name: options.name ?? id,
      owners: options.owner,
      executive: options.executive,
      sysadmin: options.sysadmin,
    };
    text = unitYaml(identity, chosen, await qualys.client.listAppliances());
  } finally {
    await qualys.close();
  }

  await writeFileAtomic(file, text);
  const relative = `units/${id}.yaml`;
  const { problems } = await loadPolicy(options.root);
  const errors = problems.filter(
    (p) => p.level === 'error' && p.at.file === relative,
  );
  if (errors.length > 0) {
    await rm(file);
    const lines = errors.map(
      (p) => `${p.at.file}:${p.at.line}:${p.at.col} ${p.message}`,
    );
    throw new InputError(
      `the imported unit is not valid, nothing was written:\n${lines.join('\n')}`,
    );
  }
  log.info('unit written', { file: relative, groups: options.title.length });
  print(text);
  return 0;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
