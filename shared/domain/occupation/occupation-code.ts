import { z } from 'zod';

/** 国家职业分类大典 (2022): major group 1–8, then middle, minor and detailed groups of two digits each. */
export const OCCUPATION_CODE_PATTERN = /^[1-8]-\d{2}-\d{2}-\d{2}$/;

export const OccupationCode = z.string().trim().regex(OCCUPATION_CODE_PATTERN, 'occupationCode.format');
export type OccupationCode = z.infer<typeof OccupationCode>;
