import { z } from 'zod';

export const Role = z.enum(['expert', 'committee', 'coordinator', 'admin']);
export type Role = z.infer<typeof Role>;
export const ALL_ROLES: readonly Role[] = Role.options;
