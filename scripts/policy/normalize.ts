/**
 * Normalize stage: turns the schema-checked sources into one PolicyModel.
 * Bad ranges are reported here (`range-syntax`) and left out of the model.
 */
import { POLICY_FILES } from './files.ts';
import type { PolicyModel, Problem } from './model.ts';
import {
  normalizeExcluded,
  normalizeKb,
  normalizeNeverIgnore,
  normalizeReclassifications,
} from './normalize-decisions.ts';
import { normalizeProgram } from './normalize-program.ts';
import { normalizeScanning } from './normalize-scanning.ts';
import { normalizeUnit } from './normalize-unit.ts';
import { Reader } from './reader.ts';
import type { SourceFile } from './source.ts';

/** Undefined when a policy file is unusable: nothing sound can be built. */
export function normalize(
  root: string,
  sources: Map<string, SourceFile>,
): { model?: PolicyModel; problems: Problem[] } {
  const readers = new Map<string, Reader>();
  for (const file of Object.values(POLICY_FILES)) {
    const source = sources.get(file);
    if (source) readers.set(file, new Reader(source));
  }
  const unitReaders = [...sources.values()]
    .filter((s) => s.kind === 'unit')
    .map((s) => new Reader(s));
  const units = unitReaders.map((r) => normalizeUnit(r));
  const unitProblems = unitReaders.flatMap((r) => r.problems);
  // Units are still read so their own problems are listed too.
  if (readers.size < Object.keys(POLICY_FILES).length) {
    return { problems: unitProblems };
  }
  const reader = (file: string): Reader => readers.get(file) as Reader;

  const program = normalizeProgram(reader(POLICY_FILES.program));
  const model: PolicyModel = {
    root,
    program,
    excludedQids: normalizeExcluded(reader(POLICY_FILES['excluded-qids'])),
    reclassifications: normalizeReclassifications(
      reader(POLICY_FILES.reclassifications),
    ),
    neverIgnore: normalizeNeverIgnore(reader(POLICY_FILES['never-ignore'])),
    scanning: normalizeScanning(reader(POLICY_FILES.scanning)),
    kb: normalizeKb(reader(POLICY_FILES['kb-snapshot'])),
    units,
  };

  const problems = [...readers.values()].flatMap((r) => r.problems);
  problems.push(...unitProblems);
  return { model, problems };
}
