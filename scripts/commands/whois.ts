/**
 * `vmgov whois ADDRESS`: which unit, groups, scanner and option profile
 * cover an address, whether it is excluded from scanning, and whom to
 * contact. Exit 1 when no group covers it, 2 when it is not an address.
 */
import type { Command } from 'commander';

import { RangeSyntaxError, parseAddress } from '../net/address.ts';
import { UsageError } from '../errors.ts';
import { print } from '../output/print.ts';
import { loadModel } from '../policy/load-model.ts';
import { type WhoisAnswer, whois } from '../policy/whois.ts';
import type { Outcome } from './index.ts';

interface WhoisOptions {
  root: string;
  format: string;
}

export function register(program: Command, outcome: Outcome): void {
  program
    .command('whois')
    .description(
      'show which unit, groups, scanner and contacts cover an address',
    )
    .argument('<address>', 'an IPv4 or IPv6 address')
    .option('--root <dir>', 'the policy repository root', '.')
    .option('--format <format>', 'text or json', 'text')
    .action(async (text: string, options: WhoisOptions) => {
      if (!['text', 'json'].includes(options.format)) {
        throw new UsageError(`unknown format "${options.format}"`, {
          hint: 'use --format text or --format json',
        });
      }
      const address = parse(text);
      const answer = whois(await loadModel(options.root), {
        text: text.trim(),
        ...address,
      });
      print(
        options.format === 'json'
          ? `${JSON.stringify(answer, null, 2)}\n`
          : formatWhois(answer),
      );
      outcome.code = answer.unit ? 0 : 1;
    });
}

/** Throws UsageError (exit 2) when the text is not an address. */
function parse(text: string): ReturnType<typeof parseAddress> {
  try {
    return parseAddress(text);
  } catch (cause) {
    if (!(cause instanceof RangeSyntaxError)) throw cause;
    throw new UsageError(cause.message, { hint: cause.hint, cause });
  }
}

export function formatWhois(answer: WhoisAnswer): string {
  const lines = [`address:        ${answer.address}`];
  if (!answer.unit) {
    lines.push(
      answer.inAddressSpace
        ? 'status:         in the address space, but no unit claims it'
        : 'status:         outside the address space',
      `ask:            ${answer.askInstead.join(', ')}`,
    );
  } else {
    lines.push(
      `unit:           ${answer.unit.id} (${answer.unit.name}, ${answer.unit.file})`,
      `master group:   ${answer.masterGroup ?? ''}`,
      `sub-groups:     ${answer.subgroups.join(', ') || 'none'}`,
      `scanner:        ${answer.scanner?.name ?? ''} (${answer.scanner?.area ?? ''})`,
      `option profile: ${answer.optionProfile ?? ''}`,
      `executive:      ${answer.contacts.executive.join(', ')}`,
      `sysadmin:       ${answer.contacts.sysadmin.join(', ')}`,
    );
  }
  const excluded = answer.excludedFromScan;
  lines.push(
    excluded
      ? `exclude-from-scan: yes (${excluded.reason}; ticket ${excluded.ticket}; review by ${excluded.reviewBy})`
      : 'exclude-from-scan: no',
  );
  return `${lines.join('\n')}\n`;
}
