/** Schemas of the login, second-factor, password and zone-account routes. */
import { literals } from '../../platform/http/literals.ts';
import { Type, type Static } from 'typebox';
import { LanguageSchema } from '../zones/zones.schema.ts';

export const RoleSchema = literals([
  'resident',
  'network_coordinator',
  'officer',
  'analyst',
  'civilian_staff',
  'supervisor',
  'partner',
  'data_protection_officer',
  'administrator',
] as const);

const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });

export const LoginBody = Type.Object(
  { email: Email, password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const LoginResponse = Type.Object({
  status: Type.Union([Type.Literal('signed_in'), Type.Literal('second_factor_required')]),
  csrfToken: Type.String(),
});

export const CodeBody = Type.Object(
  { code: Type.String({ pattern: '^\\s*\\d{6}\\s*$' }) },
  { additionalProperties: false },
);

export const PasswordResetRequestBody = Type.Object(
  { email: Email, language: Type.Optional(LanguageSchema) },
  { additionalProperties: false },
);

export const PasswordResetConfirmBody = Type.Object(
  {
    token: Type.String({ minLength: 20, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
    newPassword: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const TotpSetupResponse = Type.Object({ secret: Type.String(), otpauthUrl: Type.String() });

export const CurrentAccount = Type.Object({
  account: Type.Union([
    Type.Object({
      id: Type.String(),
      email: Type.String(),
      displayName: Type.String(),
      language: Type.Union([LanguageSchema, Type.Null()]),
      totpEnabled: Type.Boolean(),
      isOperator: Type.Boolean(),
    }),
    Type.Null(),
  ]),
  grants: Type.Array(
    Type.Object({
      zone: Type.String(),
      zoneName: Type.String(),
      role: Type.String(),
      areaIds: Type.Array(Type.String()),
    }),
  ),
  csrfToken: Type.Union([Type.String(), Type.Null()]),
  secondFactorPending: Type.Boolean(),
  secondFactorVerified: Type.Boolean(),
});
export type CurrentAccount = Static<typeof CurrentAccount>;

export const GrantInput = Type.Object(
  {
    role: RoleSchema,
    areaIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 500, uniqueItems: true, default: [] }),
  },
  { additionalProperties: false },
);

export const InviteAccountBody = Type.Object(
  {
    email: Email,
    displayName: Type.String({ minLength: 1, maxLength: 120 }),
    language: Type.Optional(LanguageSchema),
    grants: Type.Array(GrantInput, { minItems: 1, maxItems: 9 }),
  },
  { additionalProperties: false },
);
export type InviteAccountBody = Static<typeof InviteAccountBody>;

export const SetGrantsBody = Type.Object(
  { grants: Type.Array(GrantInput, { maxItems: 9 }) },
  { additionalProperties: false },
);
export type SetGrantsBody = Static<typeof SetGrantsBody>;

export const ZoneAccount = Type.Object({
  id: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  totpEnabled: Type.Boolean(),
  locked: Type.Boolean(),
  disabled: Type.Boolean(),
  invitationPending: Type.Boolean(),
  isDemo: Type.Boolean(),
  grants: Type.Array(Type.Object({ role: Type.String(), areaIds: Type.Array(Type.String()) })),
});
export type ZoneAccount = Static<typeof ZoneAccount>;

export const AccountParams = Type.Object({
  zone: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }),
  accountId: Type.String({ format: 'uuid' }),
});

export const ListAccountsQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 512 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  search: Type.Optional(Type.String({ maxLength: 100 })),
});
