/**
 * What the generator needs to know about a policy repository, as plain
 * range texts and QIDs: the master groups with their sub-groups, the
 * appliances and option profiles, the QIDs governance decided on, and the
 * KnowledgeBase facts the repository records.
 */
import type { PolicyModel } from '../policy/model.ts';

export interface SeedGroup {
  unit: string;
  title: string;
  ranges: string[];
  scanner: string;
  lowIntensity: string[];
  subgroups: { name: string; title: string; ranges: string[] }[];
}

export interface SeedKbFact {
  qid: number;
  title: string;
  severity: number;
  category: string;
  vulnType: string;
  patchable: boolean;
  solution: string;
}

export interface SeedLayout {
  addressSpace: string[];
  masterGroups: SeedGroup[];
  appliances: { name: string; serves: string[] }[];
  optionProfiles: { default: string; lowIntensity: string };
  excludeFromScan: string[];
  excludedQids: number[];
  reclassified: { qid: number; from: number; to: number }[];
  neverIgnore: number[];
  kbFacts: SeedKbFact[];
}

export function layoutFromPolicy(model: PolicyModel): SeedLayout {
  const masterGroups = model.units.flatMap((unit) =>
    unit.masterAssetGroups.map((group) => ({
      unit: unit.id,
      title: group.title,
      ranges: group.set.toQualys(),
      scanner: group.scanner,
      lowIntensity: group.lowIntensitySet.toQualys(),
      subgroups: group.subgroups.map((sub) => ({
        name: sub.name,
        title: sub.title,
        ranges: sub.set.toQualys(),
      })),
    })),
  );
  return {
    addressSpace: model.program.addressSpaceSet.toQualys(),
    masterGroups,
    appliances: model.scanning.appliances.map((a) => ({
      name: a.name,
      serves: a.servesSet.toQualys(),
    })),
    optionProfiles: { ...model.scanning.optionProfiles },
    excludeFromScan: model.scanning.excludeFromScan.flatMap((e) =>
      e.set.toQualys(),
    ),
    excludedQids: model.excludedQids.map((d) => d.qid),
    reclassified: model.reclassifications.map((r) => ({
      qid: r.qid,
      from: r.from,
      to: r.to,
    })),
    neverIgnore: model.neverIgnore.map((n) => n.qid),
    kbFacts: [...model.kb.values()].map((fact) => ({
      qid: fact.qid,
      title: fact.title,
      severity: fact.severity,
      category: fact.category,
      vulnType: fact.vulnType,
      patchable: fact.patchable,
      solution: fact.solution,
    })),
  };
}
