/**
 * `contact-invalid`: every address a report or notice is sent to is one
 * plain mailbox. Line breaks, commas or angle brackets would let a value
 * add headers or recipients to the mail. A unit needs both an executive and
 * a sys-admin contact.
 */
import { POLICY_FILES } from '../files.ts';
import type { Location, Problem } from '../model.ts';
import { error } from '../problem.ts';
import { type PathSegment, locate } from '../source.ts';
import type { Rule, RuleContext } from './rule.ts';

const MAILBOX =
  /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
const INJECTION = /[\r\n,;<>]/;

/** Why an address is not one plain mailbox, or undefined when it is. */
export function mailboxProblem(address: string): string | undefined {
  if (INJECTION.test(address)) {
    return `"${escape(address)}" contains a line break, comma, semicolon or angle bracket`;
  }
  if (!MAILBOX.test(address)) return `"${address}" is not an e-mail address`;
  return undefined;
}

export const contacts: Rule = {
  ids: ['contact-invalid'],
  check(context) {
    const problems: Problem[] = [];
    const check = (
      file: string,
      path: PathSegment[],
      addresses: string[],
    ): void => {
      addresses.forEach((address, i) => {
        const reason = mailboxProblem(address);
        if (reason)
          problems.push(invalid(at(context, file, [...path, i]), reason));
      });
    };

    const program = context.model.program;
    check(
      POLICY_FILES.program,
      ['reports', 'sender'],
      [program.reports.sender].filter(Boolean),
    );
    check(
      POLICY_FILES.program,
      ['governance', 'iso_recipients'],
      program.governance.isoRecipients,
    );

    for (const unit of context.model.units) {
      for (const kind of ['executive', 'sysadmin'] as const) {
        const addresses = unit.contacts[kind];
        if (addresses.length === 0) {
          problems.push(
            invalid(
              at(context, unit.file, ['contacts']),
              `unit "${unit.id}" has no ${kind} contact`,
            ),
          );
        }
        check(unit.file, ['contacts', kind], addresses);
      }
      unit.masterAssetGroups.forEach((group, g) => {
        group.subgroups.forEach((sub, s) => {
          check(
            unit.file,
            ['master_asset_groups', g, 'subgroups', s, 'sysadmin'],
            sub.sysadmin,
          );
        });
      });
    }
    return problems;
  },
};

function invalid(location: Location, message: string): Problem {
  return error(
    'contact-invalid',
    location,
    message,
    'write one plain address per list item, e.g. it-security@example.edu',
  );
}

function at(context: RuleContext, file: string, path: PathSegment[]): Location {
  const source = context.sources.get(file);
  return source ? locate(source, path) : { file, line: 1, col: 1 };
}

function escape(text: string): string {
  return text.replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}
