/** The audit log is for the zone's data-protection officer; administrators may check the chain. */
import { anyRole } from '../../platform/auth/policy.ts';

export const auditPolicies = {
  search: anyRole('data_protection_officer'),
  verify: anyRole('data_protection_officer', 'administrator'),
};
