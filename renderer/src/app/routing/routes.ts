import type { Profile } from '../../../../shared/contract/ipc';

export type Role = Profile['roles'][number];

/**
 * The workspaces of the shell; each belongs to the roles that work in it (DESIGN §1). `sync` (the sync queue) is
 * everyone's, once signed in: the queue belongs to an account.
 */
export const workspaceRoutes = ['tasks', 'applications', 'batches', 'sync'] as const;
export type WorkspaceRoute = (typeof workspaceRoutes)[number];
export type Route = WorkspaceRoute | 'settings';

const rolesFor: Record<WorkspaceRoute, readonly Role[]> = {
  tasks: ['expert', 'admin'],
  applications: ['committee', 'admin'],
  batches: ['coordinator', 'admin'],
  sync: ['expert', 'committee', 'coordinator', 'admin'],
};

/** Pages that need an account; the signed-out menu previews the rest. */
const signedInOnly: readonly WorkspaceRoute[] = ['sync'];

/** With no one signed in every role's workspace is shown; signing in narrows the menu to the user's roles. */
export function visibleWorkspaces(profile: Profile | null): WorkspaceRoute[] {
  if (!profile) return workspaceRoutes.filter((route) => !signedInOnly.includes(route));
  return workspaceRoutes.filter((route) => rolesFor[route].some((role) => profile.roles.includes(role)));
}

export const isRoute = (value: string): value is Route =>
  value === 'settings' || (workspaceRoutes as readonly string[]).includes(value);
