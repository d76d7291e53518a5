/**
 * Officers' professional contact details and the neighbourhood they cover are
 * public; administrators and supervisors manage officers and assignments;
 * an officer may also record their own absences (checked in the use case).
 */
import { anyRole, publicAccess } from '../../platform/auth/policy.ts';

export const officerPolicies = {
  lookUp: publicAccess,
  viewStaffing: publicAccess,
  manage: anyRole('administrator', 'supervisor'),
  viewStaff: anyRole('administrator', 'supervisor', 'officer', 'civilian_staff', 'analyst'),
  recordAbsence: anyRole('administrator', 'supervisor', 'officer'),
};
