import type { Profile } from '../../../../shared/contract/ipc';

export type Role = Profile['roles'][number];

/** The workspaces of the shell; each belongs to the roles that work in it (DESIGN §1). */
export const workspaceRoutes = ['tasks', 'applications', 'batches'] as const;
export type WorkspaceRoute = (typeof workspaceRoutes)[number];
export type Route = WorkspaceRoute | 'settings';

const rolesFor: Record<WorkspaceRoute, readonly Role[]> = {
  tasks: ['expert', 'admin'],
  applications: ['committee', 'admin'],
  batches: ['coordinator', 'admin'],
};

/** With no one signed in every workspace is shown; signing in narrows the menu to the user's roles. */
export function visibleWorkspaces(profile: Profile | null): WorkspaceRoute[] {
  if (!profile) return [...workspaceRoutes];
  return workspaceRoutes.filter((route) => rolesFor[route].some((role) => profile.roles.includes(role)));
}

export const isRoute = (value: string): value is Route =>
  value === 'settings' || (workspaceRoutes as readonly string[]).includes(value);
