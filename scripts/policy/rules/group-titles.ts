/**
 * `title-format`: master titles are `mg-` plus lower-case words joined by
 * single hyphens, sub-group names the same without the prefix, so
 * generated Qualys titles are safe and parseable. `unique-title`: every
 * master and generated sub-group title is used once across all units.
 */
import type { Location, Problem } from '../model.ts';
import { LOW_INTENSITY_SUBGROUP } from '../model.ts';
import { error, where } from '../problem.ts';
import type { Rule } from './rule.ts';

const MASTER = /^mg-[a-z0-9]+(-[a-z0-9]+)*$/;
const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Keeps generated sub-group titles well inside Qualys' title length. */
export const MAX_TITLE_LENGTH = 100;

export const groupTitles: Rule = {
  ids: ['title-format', 'unique-title'],
  check({ model }) {
    const problems: Problem[] = [];
    const titles = new Map<string, Location>();
    const claim = (title: string, at: Location): void => {
      const first = titles.get(title);
      if (first) {
        problems.push(
          error(
            'unique-title',
            at,
            `title "${title}" is already used at ${where(first)}`,
            'choose a title no other group uses',
          ),
        );
      } else {
        titles.set(title, at);
      }
    };

    for (const unit of model.units) {
      for (const group of unit.masterAssetGroups) {
        const at = group.fieldsAt?.title ?? group.at;
        if (!MASTER.test(group.title)) {
          problems.push(
            error(
              'title-format',
              at,
              `master group title "${group.title}" is not "mg-" followed by lower-case words joined by single hyphens`,
              `e.g. "mg-${slug(group.title.replace(/^mg-/, '')) || unit.id}"`,
            ),
          );
        }
        claim(group.title, at);
        for (const sub of group.subgroups) {
          if (!NAME.test(sub.name) || sub.name === LOW_INTENSITY_SUBGROUP) {
            problems.push(
              error(
                'title-format',
                sub.at,
                sub.name === LOW_INTENSITY_SUBGROUP
                  ? `sub-group name "${sub.name}" is reserved for the low_intensity devices`
                  : `sub-group name "${sub.name}" is not lower-case words joined by single hyphens`,
                sub.name === LOW_INTENSITY_SUBGROUP
                  ? 'list those devices under low_intensity instead'
                  : `e.g. "${slug(sub.name) || 'servers'}"`,
              ),
            );
          }
          if (sub.title.length > MAX_TITLE_LENGTH) {
            problems.push(
              error(
                'title-format',
                sub.at,
                `generated title "${sub.title}" is longer than ${MAX_TITLE_LENGTH} characters`,
                'shorten the master title or the sub-group name',
              ),
            );
          }
          claim(sub.title, sub.at);
        }
      }
    }
    return problems;
  },
};

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
