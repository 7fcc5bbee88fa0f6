import type { Role } from '../storage/accountStore';

/**
 * What each role may do. The issue names each role by its work: analyst (upload, map, delete),
 * strategist (explore, planner), executive (summary), admin (users). Reading is not split further:
 * every signed-in user may read every dataset on every page (a strategist may open the summary,
 * an executive the explorer), because the data belong to the team, and hiding a page from a
 * colleague who may read the same numbers elsewhere protects nothing. Writes are split: only
 * analysts and admins change datasets, only admins manage users.
 */
export type Permission = 'datasets.read' | 'datasets.write' | 'users.manage';

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ['datasets.read', 'datasets.write', 'users.manage'],
  analyst: ['datasets.read', 'datasets.write'],
  strategist: ['datasets.read'],
  executive: ['datasets.read'],
};

export const can = (role: Role | null | undefined, permission: Permission): boolean => !!role && GRANTS[role].includes(permission);

/**
 * Where a role lands after signing in (when no return path was asked for): each role on its own work.
 * An analyst's work starts at the datasets (upload, map, check); strategists and executives read the
 * summary first (`/`). An admin lands on the accounts page: signing in as admin is mostly for what
 * only an admin can do (a new colleague, a forgotten password), and the summary is one click away.
 */
const LANDING: Record<Role, string> = { admin: '/admin/users', analyst: '/datasets', strategist: '/', executive: '/' };
export const landingPath = (role: Role): string => LANDING[role];
