import { describe, expect, it } from 'vitest';
import { Practitioner, practitionerFacts } from './practitioner';
import { Institution } from '../institution/institution';
import { Certificate } from '../certificate/certificate';
import { Expert, isEligibleReviewer } from '../expert/expert';
import { OccupationCode } from '../occupation/occupation-code';
import { skillLevelFromTitle, SKILL_LEVEL_TITLES } from '../occupation/skill-level';

describe('Practitioner', () => {
  it('parses and derives gender and birth date from the ID', () => {
    const p = Practitioner.parse({ id: 'p1', name: '张三', residentId: '11010519491231002x', institutionId: 'i1' });
    expect(p.residentId).toBe('11010519491231002X');
    expect(practitionerFacts(p)).toEqual({ gender: 'female', birthDate: '1949-12-31', provinceCode: '11' });
  });
  it('rejects a bad ID with the reason on the field', () => {
    const result = Practitioner.safeParse({ id: 'p1', name: '张三', residentId: '110105194912310021', institutionId: 'i1' });
    expect(result.error?.issues[0]).toMatchObject({ path: ['residentId'], message: 'residentId.checkChar' });
  });
});

describe('Institution', () => {
  it('checks the credit code and province', () => {
    const base = { id: 'i1', name: '福州市职业技能协会', uscc: '91350100M000100Y43', type: 'association', provinceCode: '35', filingReference: 'OSEA-B-2024-001' };
    expect(Institution.safeParse(base).success).toBe(true);
    expect(Institution.safeParse({ ...base, provinceCode: '99' }).success).toBe(false);
    expect(Institution.safeParse({ ...base, type: 'club' }).success).toBe(false);
    expect(Institution.safeParse({ ...base, uscc: '91350100M000100Y44' }).success).toBe(false);
  });
});

describe('Certificate and occupation', () => {
  it('accepts 职业分类大典 codes and levels 1..5 only', () => {
    expect(OccupationCode.safeParse('6-29-03-01').success).toBe(true);
    for (const bad of ['9-29-03-01', '0-29-03-01', '6-29-03-1', '6-29-03-01-00', '62903']) {
      expect(OccupationCode.safeParse(bad).success).toBe(false);
    }
    const cert = { id: 'c1', number: 'S000035000001', kind: 'skill_level', occupationCode: '6-29-03-01', occupationName: '焊工', level: 3, issuer: '某评价机构', issueDate: '2024-06-30' };
    expect(Certificate.safeParse(cert).success).toBe(true);
    expect(Certificate.safeParse({ ...cert, level: 6 }).success).toBe(false);
    expect(Certificate.safeParse({ ...cert, level: 0 }).success).toBe(false);
    expect(Certificate.safeParse({ ...cert, issueDate: '2023-02-29' }).success).toBe(false);
  });
  it('maps official level titles', () => {
    expect(SKILL_LEVEL_TITLES[1]).toBe('高级技师');
    expect(skillLevelFromTitle(' 技师 ')).toBe(2);
    expect(skillLevelFromTitle('初级工')).toBe(5);
    expect(skillLevelFromTitle('专家')).toBeNull();
  });
});

describe('Expert', () => {
  const expert = Expert.parse({
    id: 'e1',
    name: '李四',
    status: 'approved',
    specialties: [{ occupationCode: '6-29-03-01', level: 2 }],
    affiliations: ['i1'],
    certificateIds: ['c9'],
    publicKey: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
    keyId: 'k1',
  });
  it('is eligible for its occupation at its level or below, never for an affiliated institution', () => {
    expect(isEligibleReviewer(expert, '6-29-03-01', 3, 'i2')).toBe(true);
    expect(isEligibleReviewer(expert, '6-29-03-01', 2, 'i2')).toBe(true);
    expect(isEligibleReviewer(expert, '6-29-03-01', 1, 'i2')).toBe(false);
    expect(isEligibleReviewer(expert, '6-29-03-01', 3, 'i1')).toBe(false);
    expect(isEligibleReviewer(expert, '4-01-01-01', 3, 'i2')).toBe(false);
    expect(isEligibleReviewer({ ...expert, status: 'suspended' }, '6-29-03-01', 3, 'i2')).toBe(false);
  });
  it('rejects a public key that is not 32 bytes of base64url', () => {
    expect(Expert.shape.publicKey.safeParse('11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo=').success).toBe(false);
    expect(Expert.shape.publicKey.safeParse('11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURp').success).toBe(false);
  });
});
