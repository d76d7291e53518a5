/** The category list is public (the report form needs it); administrators maintain it, staff read the workflow. */
import { anyRole, publicAccess } from '../../platform/auth/policy.ts';

export const categoryPolicies = {
  viewPublic: publicAccess,
  manage: anyRole('administrator'),
  viewWorkflow: anyRole('officer', 'civilian_staff', 'supervisor', 'administrator', 'analyst'),
};
