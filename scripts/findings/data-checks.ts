/**
 * Checks a month's findings against their source before anything is built:
 * data that cannot describe the month reported is refused, and what was
 * left out for being newer or repeated is said.
 */
import { isDay } from '../dates.ts';
import { InputError, UsageError } from '../errors.ts';
import { log } from '../output/logger.ts';
import type { MonthFindings } from './collect.ts';
import { plural } from '../output/plural.ts';
import { lastEndedMonth } from './deadline.ts';

/**
 * @throws InputError when the source held no host, or none in a master
 * group; UsageError when the data
 * was produced before the month ended, or holds only findings found after.
 */
export function checkMonthData(
  result: MonthFindings,
  source: string,
  today: Date,
): void {
  const { month, monthEnd, producedOn, totals } = result;
  if (result.hosts === 0) {
    throw new InputError(`${source} holds no hosts: nothing to report`, {
      hint: 'check the file, or that the Qualys account sees the hosts',
    });
  }

  if (result.uncovered.length === result.hosts) {
    // Every unit would get an all-clear it has not earned: the data is
    // another network's, or --root names another policy repository.
    throw new InputError(
      `none of the ${plural(result.hosts, 'host')} in ${source} is in a ` +
        'master asset group: every unit would be told it has nothing to fix',
      {
        hint:
          'check that --root is the policy repository this data belongs ' +
          "to, and that units/ holds the groups' ranges",
      },
    );
  }

  // A production date that is not one (hand-edited files) is ignored.
  const day = validDay(producedOn?.slice(0, 10));
  const fitting = lastEndedMonth(day ? new Date(`${day}T00:00:00Z`) : today);
  if (day && day < monthEnd) {
    const file = result.producedIn ?? source;
    throw new UsageError(`${file} is from ${day}, before ${month} ended`, {
      hint: `its data describes ${fitting}: use --month ${fitting}`,
    });
  }
  if (totals.foundLater > 0 && totals.kept === 0) {
    throw new UsageError(
      `every finding was first found after ${monthEnd}, the end of ${month}`,
      { hint: `the data is newer than the month: use --month ${fitting}` },
    );
  }

  if (totals.foundLater > 0) {
    log.warn('findings first found after the month left out', {
      findings: totals.foundLater,
      monthEnd,
    });
  }
  const unseen = result.units.filter((u) => u.counts.hosts === 0);
  if (unseen.length > 0) {
    log.warn('units with no host in the data: their reports say so', {
      units: unseen.map((u) => u.unit.id).join(','),
    });
  }
  const outside = result.uncovered.filter((u) => !u.inAddressSpace).length;
  if (outside > 0) {
    log.warn(
      "hosts outside the program's address space, listed in ISO's roll-up",
      { hosts: outside },
    );
  }
  if (result.repeatedHosts > 0) {
    log.warn(
      'hosts listed twice in the source: only their first listing counted',
      {
        hosts: result.repeatedHosts,
      },
    );
  }
}

function validDay(day: string | undefined): string | undefined {
  return day !== undefined && isDay(day) ? day : undefined;
}
