/**
 * Who is in the demo: institutions, the documented demo accounts and the experts' affiliations and specialties.
 * The names are fictional; the codes are synthetic but pass the real GB 32100 / GB 11643 checks.
 */
import type { InstitutionType } from '../../shared/domain/institution/institution';
import type { ExpertSpecialty } from '../../shared/domain/expert/expert';
import type { Role } from '../../shared/contract/registry/roles';

/** Password of every demo account (README, the lead's docs and the e2e tests rely on it). */
export const DEMO_PASSWORD = 'osea-demo';

export type InstitutionKey = 'association' | 'trainingOrg' | 'school' | 'enterprise';

export interface DemoInstitution {
  key: InstitutionKey;
  name: string;
  type: InstitutionType;
  provinceCode: string;
  /** county code of the registered address, also the home region of most of its practitioners */
  regionCode: string;
  uscc: { authority: string; orgType: string; bodyPrefix: string };
  filingReference: string;
  /** how many practitioners it brings (the association recommends experts, it trains no one) */
  practitioners: number;
  /** who issued its practitioners' older qualification certificates */
  qualificationIssuer: string;
}

export const DEMO_INSTITUTIONS: readonly DemoInstitution[] = [
  {
    key: 'association', name: '广东省电工焊工职业技能协会', type: 'association', provinceCode: '44', regionCode: '440106',
    uscc: { authority: '5', orgType: '1', bodyPrefix: '' }, filingReference: '粤技协备〔2023〕第007号', practitioners: 0,
    qualificationIssuer: '广东省职业技能鉴定指导中心',
  },
  {
    key: 'trainingOrg', name: '苏州市吴中区精工职业技能培训学校', type: 'training_org', provinceCode: '32', regionCode: '320506',
    uscc: { authority: '5', orgType: '2', bodyPrefix: '' }, filingReference: '苏人社培备〔2024〕第118号', practitioners: 12,
    qualificationIssuer: '江苏省职业技能鉴定中心',
  },
  {
    key: 'school', name: '杭州西湖技师学院', type: 'school', provinceCode: '33', regionCode: '330106',
    uscc: { authority: '1', orgType: '2', bodyPrefix: '' }, filingReference: '浙人社校备〔2022〕第031号', practitioners: 10,
    qualificationIssuer: '浙江省职业技能鉴定指导中心',
  },
  {
    key: 'enterprise', name: '青岛海岳装备制造有限公司', type: 'enterprise', provinceCode: '37', regionCode: '370202',
    uscc: { authority: '9', orgType: '1', bodyPrefix: 'MA' }, filingReference: '鲁人社企评备〔2024〕第052号', practitioners: 10,
    qualificationIssuer: '山东省职业技能鉴定指导中心',
  },
];

/** The two occupations of the demo (国家职业分类大典 codes as used by the national occupational skill standards). */
export const DEMO_OCCUPATIONS = {
  electrician: { code: '6-31-01-03', name: '电工', schemeFile: 'electrician-l4.json', level: 4 },
  welder: { code: '6-18-02-04', name: '焊工', schemeFile: 'welder-l3.json', level: 3 },
} as const;
export type OccupationKey = keyof typeof DEMO_OCCUPATIONS;

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  /** coordinators belong to one institution */
  institution?: InstitutionKey;
  /** documented in README; the others exist so panels of three stay free of conflicts of interest */
  documented: boolean;
  expert?: { affiliations: InstitutionKey[]; specialties: Array<{ occupation: OccupationKey; level: ExpertSpecialty['level'] }> };
}

/**
 * Panels of three with no conflict of interest: expert01 and expert02 are affiliated with the association (which
 * submits nothing), so they are eligible for every submission; expert03 teaches at the school and reviews the
 * training org's and the enterprise's submissions; expert04 (enterprise) completes the school's panels, where
 * expert03 may not sit, and expert05 (training org) is a spare eligible for reassignment. Each demo expert thus has tasks, and none is ever on their own institution's.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin01', displayName: '系统管理员', roles: ['admin'], documented: true },
  { username: 'committee01', displayName: '周明远（评审专家委员会）', roles: ['committee'], documented: true },
  { username: 'coord01', displayName: '吴芳（精工培训学校）', roles: ['coordinator'], institution: 'trainingOrg', documented: true },
  {
    username: 'expert01', displayName: '王建国', roles: ['expert'], documented: true,
    expert: { affiliations: ['association'], specialties: [{ occupation: 'electrician', level: 1 }, { occupation: 'welder', level: 2 }] },
  },
  {
    username: 'expert02', displayName: '李秀英', roles: ['expert'], documented: true,
    expert: { affiliations: ['association'], specialties: [{ occupation: 'electrician', level: 2 }, { occupation: 'welder', level: 2 }] },
  },
  {
    username: 'expert03', displayName: '陈志强', roles: ['expert'], documented: true,
    expert: { affiliations: ['school'], specialties: [{ occupation: 'electrician', level: 2 }, { occupation: 'welder', level: 1 }] },
  },
  {
    username: 'expert04', displayName: '赵永刚', roles: ['expert'], documented: false,
    expert: { affiliations: ['enterprise'], specialties: [{ occupation: 'electrician', level: 2 }, { occupation: 'welder', level: 2 }] },
  },
  {
    username: 'expert05', displayName: '孙丽华', roles: ['expert'], documented: false,
    expert: { affiliations: ['trainingOrg'], specialties: [{ occupation: 'electrician', level: 2 }, { occupation: 'welder', level: 2 }] },
  },
];

/** Expert preference when a panel is formed: the documented demo experts first. */
export const PANEL_PREFERENCE = DEMO_ACCOUNTS.filter((account) => account.expert).map((account) => account.username);
