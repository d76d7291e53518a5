/** Boundaries and neighbourhood figures are public; administrators maintain them. */
import { anyRole, publicAccess } from '../../platform/auth/policy.ts';

export const areaPolicies = {
  view: publicAccess,
  locate: publicAccess,
  update: anyRole('administrator'),
  importAreas: anyRole('administrator'),
  viewImports: anyRole('administrator'),
};
