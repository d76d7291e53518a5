/** Who may do what with accounts. Accounts are global; roles are granted per zone by its administrators. */
import { anyRole, publicAccess, signedIn } from '../../platform/auth/policy.ts';

export const accountPolicies = {
  logIn: publicAccess,
  logOut: publicAccess,
  verifySecondFactor: publicAccess,
  viewSelf: publicAccess,
  manageOwnSecondFactor: signedIn,
  changeOwnPassword: signedIn,
  requestPasswordReset: publicAccess,
  resetPassword: publicAccess,
  listZoneAccounts: anyRole('administrator'),
  inviteAccount: anyRole('administrator'),
  setGrants: anyRole('administrator'),
  unlockAccount: anyRole('administrator'),
  resendInvitation: anyRole('administrator'),
};
