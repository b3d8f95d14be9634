/**
 * The command list. Each command file exports `register(program, outcome)`
 * and sets `outcome.code` when it finishes; cli.ts turns that into the exit
 * code.
 */
import type { Command } from 'commander';

import { register as apply } from './apply.ts';
import { register as audit } from './audit.ts';
import { register as codeowners } from './codeowners.ts';
import { register as importUnit } from './import.ts';
import { register as demo } from './demo.ts';
import { register as governance } from './governance.ts';
import { register as kb } from './kb.ts';
import { register as plan } from './plan.ts';
import { register as purge } from './purge.ts';
import { register as report } from './report.ts';
import { register as sim } from './sim.ts';
import { register as validate } from './validate.ts';
import { register as whois } from './whois.ts';

export interface Outcome {
  code: number;
}

export type Register = (program: Command, outcome: Outcome) => void;

const registrations: Register[] = [
  demo,
  validate,
  codeowners,
  whois,
  plan,
  apply,
  importUnit,
  sim,
  report,
  governance,
  purge,
  audit,
  kb,
];

export function registerCommands(program: Command, outcome: Outcome): void {
  for (const register of registrations) register(program, outcome);
}
