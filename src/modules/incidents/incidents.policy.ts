/** Incidents are police records: analysts work with them, supervisors and administrators too. */
import { anyRole } from '../../platform/auth/policy.ts';

export const incidentPolicies = {
  importIncidents: anyRole('analyst', 'supervisor', 'administrator'),
  viewImports: anyRole('analyst', 'supervisor', 'administrator'),
};
