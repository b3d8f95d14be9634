/**
 * Normalizes policy/program.yaml into ProgramSettings. Defaults fill only
 * what the schema leaves optional; the FAQ's values are the defaults.
 */
import type { ProgramSettings, Severity } from './model.ts';
import type { Reader } from './reader.ts';
import { asData, list, num, strings, text } from './reader.ts';

export function normalizeProgram(reader: Reader): ProgramSettings {
  const data = reader.root;
  const reports = asData(data.reports);
  const purge = asData(data.purge);
  const criteria = asData(data.reclassification_criteria);
  const sync = asData(data.sync);
  const governance = asData(data.governance);
  const space = reader.ranges(['address_space'], data.address_space);

  return {
    organization: text(data.organization),
    addressSpace: space.ranges,
    addressSpaceSet: space.set,
    reports: {
      confirmedOnly: reports.confirmed_only !== false,
      severities: list(reports.severities ?? [3, 4, 5]).map(
        (s) => Number(s) as Severity,
      ),
      sendDay: num(reports.send_day, 1),
      sender: text(reports.sender),
      executiveReport: text(reports.executive_report),
      sysadminReport: text(reports.sysadmin_report),
    },
    remediationDays: remediationDays(data.remediation_days),
    purge: {
      staleAfterDays: num(purge.stale_after_days, 90),
      maxHostsPerRun: num(purge.max_hosts_per_run, 1000),
    },
    reclassificationCriteria: {
      allowedMoves: list(criteria.allowed_moves ?? [{ from: 3, to: 2 }]).map(
        (move) => {
          const m = asData(move);
          return {
            from: Number(m.from) as Severity,
            to: Number(m.to) as Severity,
          };
        },
      ),
      informationDisclosureCategories: strings(
        criteria.information_disclosure_categories,
      ),
      segmentationOnlyPatterns: reader.patterns(
        ['reclassification_criteria', 'segmentation_only_patterns'],
        criteria.segmentation_only_patterns,
      ),
    },
    sync: {
      marker: text(sync.marker, 'vmgov'),
      maxRemovedAddressesPerUnit: num(sync.max_removed_addresses_per_unit, 256),
      maxRemovedAddressesTotal: num(sync.max_removed_addresses_total, 1024),
      maxRemovedShareOfGroup: num(sync.max_removed_share_of_group, 0.5),
      applyReclassificationsInQualys:
        sync.apply_reclassifications_in_qualys === true,
    },
    governance: {
      team: text(governance.team),
      maintainers: text(governance.maintainers, text(governance.team)),
      isoRecipients: strings(governance.iso_recipients),
    },
    at: reader.at([]),
  };
}

function remediationDays(value: unknown): Partial<Record<Severity, number>> {
  const out: Partial<Record<Severity, number>> = {};
  for (const [key, days] of Object.entries(asData(value))) {
    out[Number(key) as Severity] = Number(days);
  }
  return out;
}
