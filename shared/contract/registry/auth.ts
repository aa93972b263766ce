import { z } from 'zod';
import { EntityId } from '../../domain/common/entity-id';
import { Role } from './roles';

export const Username = z.string().trim().min(3).max(64).regex(/^[A-Za-z0-9._-]+$/, 'username.format');

export const SignInRequest = z.object({
  username: Username,
  password: z.string().min(1).max(256),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

export const TokenPair = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
  tokenType: z.literal('Bearer'),
});
export type TokenPair = z.infer<typeof TokenPair>;

export const RefreshRequest = z.object({ refreshToken: z.string().min(1).max(256) });
export type RefreshRequest = z.infer<typeof RefreshRequest>;

export const AccountView = z.object({
  id: EntityId,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  institutionId: EntityId.nullable(),
});
export type AccountView = z.infer<typeof AccountView>;

export const CreateAccountRequest = z
  .object({
    username: Username,
    password: z.string().min(8).max(256),
    displayName: z.string().trim().min(1).max(100),
    roles: z.array(Role).min(1).max(4),
    institutionId: EntityId.nullable().default(null),
  })
  .refine((account) => !account.roles.includes('coordinator') || account.institutionId !== null, {
    message: 'account.coordinatorNeedsInstitution',
    path: ['institutionId'],
  });
export type CreateAccountRequest = z.infer<typeof CreateAccountRequest>;

export const AccountList = z.object({ accounts: z.array(AccountView) });
export const Empty = z.object({});
