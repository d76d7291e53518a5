/** Who may do what with zones. */
import { anyRole, operatorOnly, publicAccess } from '../../platform/auth/policy.ts';

export const zonePolicies = {
  list: publicAccess,
  view: publicAccess,
  create: operatorOnly,
  updateSettings: anyRole('administrator'),
};
