/**
 * Who may call each API route: the table the route walk checks against.
 * A new route must be added here (the walk fails on a route missing from the
 * table), which forces its author to decide who may call it.
 */
export const actors = [
  'anonymous',
  'resident',
  'network_coordinator',
  'officer',
  'analyst',
  'civilian_staff',
  'supervisor',
  'partner',
  'data_protection_officer',
  'administrator',
  'operator',
  'other_zone_administrator',
] as const;
export type ActorName = (typeof actors)[number];

const everyone: readonly ActorName[] = actors;
const signedIn = actors.filter((a) => a !== 'anonymous');
const admins: ActorName[] = ['administrator', 'operator'];
const staffViewers: ActorName[] = [
  'officer',
  'analyst',
  'civilian_staff',
  'supervisor',
  'administrator',
  'operator',
];
const officerManagers: ActorName[] = ['supervisor', 'administrator', 'operator'];

export const routeAccess: Record<string, readonly ActorName[]> = {
  'GET /api/health': everyone,
  'GET /api/config': everyone,
  'POST /api/auth/login': everyone,
  'POST /api/auth/second-factor': everyone,
  'POST /api/auth/logout': everyone,
  'GET /api/auth/me': everyone,
  'POST /api/auth/password-reset/request': everyone,
  'POST /api/auth/password-reset/confirm': everyone,
  'POST /api/auth/totp/setup': signedIn,
  'POST /api/auth/password': signedIn,
  'POST /api/auth/totp/enable': signedIn,
  'POST /api/auth/totp/disable': signedIn,
  'GET /api/zones': everyone,
  'POST /api/zones': ['operator'],
  'GET /api/zones/:zone': everyone,
  'PATCH /api/zones/:zone/settings': admins,
  'GET /api/zones/:zone/areas': everyone,
  'GET /api/zones/:zone/areas/boundaries': everyone,
  'GET /api/zones/:zone/areas/locate': everyone,
  'GET /api/zones/:zone/areas/:areaId': everyone,
  'PATCH /api/zones/:zone/areas/:areaId': admins,
  'POST /api/zones/:zone/area-imports': admins,
  'GET /api/zones/:zone/area-imports': admins,
  'GET /api/zones/:zone/addresses': everyone,
  'GET /api/zones/:zone/neighbourhood-officer': everyone,
  'GET /api/zones/:zone/neighbourhood-officers': everyone,
  'GET /api/zones/:zone/staffing': everyone,
  'GET /api/zones/:zone/officers': staffViewers,
  'POST /api/zones/:zone/officers': officerManagers,
  'GET /api/zones/:zone/officers/:officerId': staffViewers,
  'PATCH /api/zones/:zone/officers/:officerId': officerManagers,
  'DELETE /api/zones/:zone/officers/:officerId': officerManagers,
  'POST /api/zones/:zone/officers/:officerId/absences': ['officer', ...officerManagers],
  'DELETE /api/zones/:zone/officers/:officerId/absences/:absenceId': ['officer', ...officerManagers],
  'GET /api/zones/:zone/areas/:areaId/officer': staffViewers,
  'PUT /api/zones/:zone/areas/:areaId/officer': officerManagers,
  'GET /api/zones/:zone/accounts': admins,
  'POST /api/zones/:zone/accounts': admins,
  'PUT /api/zones/:zone/accounts/:accountId/roles': admins,
  'POST /api/zones/:zone/accounts/:accountId/unlock': admins,
  'POST /api/zones/:zone/accounts/:accountId/invitation': admins,
  'GET /api/zones/:zone/audit': ['data_protection_officer'],
  'GET /api/zones/:zone/audit/verification': ['data_protection_officer', ...admins],
  'GET /api/outbox': everyone,
};
