import { forbidden } from '../http/http-error.js';
import { hasRole, type AuthContext } from '../http/route-table.js';

/** Admins act on every institution; coordinators only on their own. */
export function assertInstitutionAccess(auth: AuthContext, institutionId: string): void {
  if (hasRole(auth, 'admin')) return;
  if (hasRole(auth, 'coordinator') && auth.institutionId === institutionId) return;
  throw forbidden('this belongs to another institution');
}

export const ownsInstitution = (auth: AuthContext, institutionId: string): boolean =>
  hasRole(auth, 'coordinator') && auth.institutionId === institutionId;
