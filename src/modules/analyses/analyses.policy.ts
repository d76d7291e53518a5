/** Analyses are the analyst's work; supervisors and officers read them; administrators too. */
import { anyRole } from '../../platform/auth/policy.ts';

export const analysisPolicies = {
  run: anyRole('analyst', 'supervisor', 'administrator'),
  view: anyRole('analyst', 'supervisor', 'officer', 'administrator'),
};
