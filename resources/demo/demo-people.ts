/**
 * Practitioners and their certificates, planned deterministically from the seeded generator: names from the name
 * lists, resident IDs from real county codes with plausible birth dates and correct check characters.
 */
import type { Gender } from '../../shared/domain/identity/resident-id';
import type { CertificateKind } from '../../shared/domain/certificate/certificate';
import { DEMO_INSTITUTIONS, DEMO_OCCUPATIONS, type InstitutionKey, type OccupationKey } from './demo-cast';
import type { NameLists, Region } from './demo-data-files';
import { DemoRandom } from './demo-random';
import { syntheticResidentId } from './synthetic-ids';

export interface PlannedCertificate {
  number: string;
  kind: CertificateKind;
  occupation: OccupationKey;
  level: number;
  issuer: string;
  issueDate: string;
  /** the certificate the practitioner's demonstration is submitted under */
  submitted: boolean;
}

export interface PlannedPractitioner {
  institution: InstitutionKey;
  name: string;
  residentId: string;
  gender: Gender;
  occupation: OccupationKey;
  certificates: PlannedCertificate[];
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

function birthDate(random: DemoRandom): string {
  // working-age practitioners: born 1972–2003
  const year = random.int(1972, 2003);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  return `${year}-${pad(month, 2)}-${pad(day, 2)}`;
}

function personName(random: DemoRandom, names: NameLists, gender: Gender): string {
  const given = gender === 'male' ? names.givenMale : names.givenFemale;
  const length = random.chance(0.6) ? 2 : 1;
  let name = random.pick(names.surnames);
  for (let i = 0; i < length; i += 1) name += random.pick(given);
  return name;
}

export function planPractitioners(names: NameLists, regions: readonly Region[], seed = 20_240_601): PlannedPractitioner[] {
  const random = new DemoRandom(seed);
  const usedIds = new Set<string>();
  const usedNames = new Set<string>();
  const planned: PlannedPractitioner[] = [];
  let certificateSerial = 0;
  for (const institution of DEMO_INSTITUTIONS) {
    const homeRegions = regions.filter((region) => region.code.startsWith(institution.provinceCode));
    for (let i = 0; i < institution.practitioners; i += 1) {
      // electricians and welders alternate, so both schemes get submissions from every institution
      const occupation: OccupationKey = i % 2 === 0 ? 'electrician' : 'welder';
      const gender: Gender = random.chance(0.2) ? 'female' : 'male';
      let name = personName(random, names, gender);
      while (usedNames.has(name)) name = personName(random, names, gender);
      usedNames.add(name);
      // most train where they live; some came from other provinces
      const region = homeRegions.length > 0 && random.chance(0.7) ? random.pick(homeRegions) : random.pick(regions);
      let residentId = syntheticResidentId({ regionCode: region.code, birthDate: birthDate(random), order: random.int(1, 999), gender });
      while (usedIds.has(residentId)) {
        residentId = syntheticResidentId({ regionCode: region.code, birthDate: birthDate(random), order: random.int(1, 999), gender });
      }
      usedIds.add(residentId);

      const occupationFacts = DEMO_OCCUPATIONS[occupation];
      const certificates: PlannedCertificate[] = [];
      const nextNumber = (prefix: string, year: number): string => {
        certificateSerial += 1;
        return `${prefix}${institution.provinceCode}${year}${occupationFacts.code.replaceAll('-', '')}${pad(certificateSerial, 5)}`;
      };
      if (random.chance(0.4)) {
        // an older vocational qualification certificate one level lower, from before the 2020 reform
        const year = random.int(2015, 2019);
        certificates.push({
          number: nextNumber('Q', year), kind: 'qualification', occupation, level: occupationFacts.level + 1,
          issuer: institution.qualificationIssuer, issueDate: `${year}-${pad(random.int(1, 12), 2)}-${pad(random.int(1, 28), 2)}`, submitted: false,
        });
      }
      const year = random.int(2022, 2025);
      certificates.push({
        number: nextNumber('S', year), kind: 'skill_level', occupation, level: occupationFacts.level,
        issuer: `${institution.name}（职业技能等级认定）`, issueDate: `${year}-${pad(random.int(1, 12), 2)}-${pad(random.int(1, 28), 2)}`, submitted: true,
      });
      planned.push({ institution: institution.key, name, residentId, gender, occupation, certificates });
    }
  }
  return planned;
}
