import { z } from 'zod';

/** Vocational skill level: 1 is the highest (高级技师), 5 the lowest (初级工). */
export const SkillLevel = z.number().int().min(1).max(5);
export type SkillLevel = z.infer<typeof SkillLevel>;

/**
 * The official Chinese title of each level, as reference data (e.g. for roster import matching).
 * Not UI text: the UI translates by level number in renderer/src/i18n.
 */
export const SKILL_LEVEL_TITLES: Readonly<Record<SkillLevel, string>> = {
  1: '高级技师',
  2: '技师',
  3: '高级工',
  4: '中级工',
  5: '初级工',
};

/** Level from its official title (roster files write titles, not numbers); null if unknown. */
export function skillLevelFromTitle(title: string): SkillLevel | null {
  const trimmed = title.trim();
  for (const [level, name] of Object.entries(SKILL_LEVEL_TITLES)) {
    if (name === trimmed) return Number(level);
  }
  return null;
}

/** Art. 15: a certification expert holds level 2 (技师) or above, i.e. a level number ≤ 2. */
export function isAtLeastLevel(level: SkillLevel, required: SkillLevel): boolean {
  return level <= required;
}
