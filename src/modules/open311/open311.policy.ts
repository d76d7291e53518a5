/**
 * Who may call the Open311 routes. Reading is public (the public view only);
 * creating is public at the route and needs a client's api_key, checked by
 * the use case (403 without a valid one). API keys are an administrator's.
 */
import { anyRole, publicAccess } from '../../platform/auth/policy.ts';

export const open311Policies = {
  read: publicAccess,
  submit: publicAccess,
  manageClients: anyRole('administrator'),
};
