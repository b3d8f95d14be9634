/**
 * Form parameters for each Qualys function, in Qualys's names. Lists are
 * comma-joined, flags are 0/1, and absent options are left out so Qualys
 * applies its documented defaults.
 */
import type {
  AssetGroupChanges,
  AssetGroupFields,
  AssetGroupFilter,
  DetectionFilter,
  HostFilter,
  KbChanges,
} from './types.ts';

export type Form = Record<string, string>;

type Value = string | number | boolean | readonly (string | number)[];

/** Drops undefined values and writes the rest as Qualys expects them. */
export function form(values: Record<string, Value | undefined>): Form {
  const out: Form = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (typeof value === 'boolean') out[name] = value ? '1' : '0';
    else if (Array.isArray(value)) out[name] = value.join(',');
    else out[name] = String(value);
  }
  return out;
}

export function assetGroupListForm(filter: AssetGroupFilter = {}): Form {
  return form({
    show_attributes: 'ALL',
    ids: filter.ids,
    title: filter.title,
  });
}

export function assetGroupAddForm(fields: AssetGroupFields): Form {
  return form({
    title: fields.title,
    ips: fields.ips,
    appliance_ids: fields.applianceIds,
    default_appliance_id: fields.defaultApplianceId,
    business_impact: fields.businessImpact,
    division: fields.division,
    comments: fields.comments,
  });
}

export function assetGroupEditForm(
  id: string,
  changes: AssetGroupChanges,
): Form {
  return form({
    id,
    set_title: changes.setTitle,
    set_ips: changes.setIps,
    set_appliance_ids: changes.setApplianceIds,
    set_default_appliance_id: changes.setDefaultApplianceId,
    set_business_impact: changes.setBusinessImpact,
    set_division: changes.setDivision,
    set_comments: changes.setComments,
  });
}

export function hostListForm(filter: HostFilter = {}): Form {
  return form({
    details: 'Basic',
    ids: filter.ids,
    ips: filter.ips,
    ag_ids: filter.agIds,
    no_vm_scan_since: filter.noVmScanSince,
  });
}

export function detectionForm(filter: DetectionFilter): Form {
  return form({
    status: filter.status,
    severities: filter.severities,
    include_ignored: filter.includeIgnored,
    include_disabled: filter.includeDisabled,
    show_results: filter.showResults,
    ids: filter.ids,
    ag_ids: filter.agIds,
    ag_titles: filter.agTitles,
    qids: filter.qids,
    truncation_limit: filter.truncationLimit,
    include_vuln_type: filter.includeVulnType,
  });
}

export function kbEditForm(qid: number, changes: KbChanges): Form {
  return form({ qid, severity: changes.severity, disable: changes.disable });
}
