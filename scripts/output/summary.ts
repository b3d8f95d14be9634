/**
 * The workflow step summary and step outputs, through @actions/core. Both
 * are no-ops outside GitHub Actions, so commands can call them always.
 */
import * as core from '@actions/core';

import { redact } from './logger.ts';

/** GitHub shows at most 1 MiB of summary per step. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;

const TRUNCATED =
  "\n\n> **Truncated**: the step summary is limited to 1 MiB; see the run's artifacts.\n";

/**
 * Appends Markdown to the step summary when the runner provides one;
 * returns whether anything was written.
 * @throws the file system's error when the summary file cannot be written.
 */
export async function appendStepSummary(markdown: string): Promise<boolean> {
  if (!process.env.GITHUB_STEP_SUMMARY) return false;
  await core.summary.addRaw(fitSummary(redact(markdown)), true).write();
  core.summary.emptyBuffer();
  return true;
}

/** Cuts Markdown at a line end so its UTF-8 size stays within the limit. */
export function fitSummary(
  markdown: string,
  limit = STEP_SUMMARY_LIMIT,
): string {
  if (Buffer.byteLength(markdown) <= limit) return markdown;

  const room = limit - Buffer.byteLength(TRUNCATED);
  let cut = Buffer.from(markdown).subarray(0, room).toString('utf8');
  // A multi-byte character cut in half decodes to U+FFFD; drop it.
  cut = cut.replace(/\uFFFD+$/, '');
  const lineEnd = cut.lastIndexOf('\n');
  if (lineEnd > 0) cut = cut.slice(0, lineEnd);
  return `${cut}${TRUNCATED}`;
}

/**
 * Sets a step output (`steps.<id>.outputs.<name>`) when the runner
 * provides an output file; returns whether it was set.
 */
export function setStepOutput(
  name: string,
  value: string | number | boolean,
): boolean {
  // Without GITHUB_OUTPUT, core falls back to a stdout command that would
  // mix with the command's own output.
  if (!process.env.GITHUB_OUTPUT) return false;
  core.setOutput(name, redact(String(value)));
  return true;
}
