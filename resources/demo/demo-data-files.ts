/** The demo's data files (resources/demo/data), parsed and checked before anything is seeded. */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { MarkingScheme } from '../../shared/domain/scheme/marking-scheme';
import { DEMO_OCCUPATIONS, type OccupationKey } from './demo-cast';

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'data');

const NameLists = z.object({
  surnames: z.array(z.string().min(1)).min(10),
  givenMale: z.array(z.string().min(1)).min(10),
  givenFemale: z.array(z.string().min(1)).min(10),
});
export type NameLists = z.infer<typeof NameLists>;

const RegionList = z.object({ regions: z.array(z.object({ code: z.string().regex(/^\d{6}$/), name: z.string().min(1) })).min(1) });
export type Region = z.infer<typeof RegionList>['regions'][number];

async function readJson(relativePath: string): Promise<unknown> {
  return JSON.parse(await readFile(join(DATA_DIR, relativePath), 'utf8')) as unknown;
}

export async function loadNameLists(): Promise<NameLists> {
  return NameLists.parse(await readJson('names.json'));
}

export async function loadRegions(): Promise<Region[]> {
  return RegionList.parse(await readJson('regions.json')).regions;
}

/** Both schemes, validated by the domain schema (totals, veto targets, bands) and matched to their occupation. */
export async function loadDemoSchemes(): Promise<Record<OccupationKey, MarkingScheme>> {
  const load = async (key: OccupationKey): Promise<MarkingScheme> => {
    const occupation = DEMO_OCCUPATIONS[key];
    const scheme = MarkingScheme.parse(await readJson(join('schemes', occupation.schemeFile)));
    if (scheme.occupationCode !== occupation.code || scheme.level !== occupation.level) {
      throw new Error(`scheme ${occupation.schemeFile} is not for ${occupation.code} level ${occupation.level}`);
    }
    return scheme;
  };
  return { electrician: await load('electrician'), welder: await load('welder') };
}
