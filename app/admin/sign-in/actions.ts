'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { formId } from '@/lib/validation';
import {
  createConnection,
  deleteConnection,
  setConnectionEnabled,
  setConnectionEnforced,
} from '@/lib/sso/connections.server';
import { addGroupMapping, removeGroupMapping, setConnectionDomains } from '@/lib/sso/connection-rules.server';
import { saveOidcSettings, saveSamlSettings } from '@/lib/sso/connection-settings.server';
import { saveBreakGlass } from '@/lib/sso/sign-in-settings.server';
import { issueScimToken } from '@/lib/scim/tokens.server';

const withConnection = z.looseObject({ connectionId: formId });
const page = (input: { connectionId: number }) => `/admin/sign-in/${input.connectionId}`;

export const createConnectionAction = formAction(z.looseObject({}), (input, user) => createConnection(user, input), {
  redirect: (id) => `/admin/sign-in/${id}`,
});

export const saveOidcSettingsAction = formAction(
  withConnection,
  (input, user) => saveOidcSettings(user, input.connectionId, input),
  { message: 'Saved. Test the connection to check the new settings.', revalidate: page },
);

export const saveSamlSettingsAction = formAction(
  withConnection,
  (input, user) => saveSamlSettings(user, input.connectionId, input),
  { message: 'Saved. Test the connection to check the new settings.', revalidate: page },
);

export const setDomainsAction = formAction(
  withConnection,
  (input, user) => setConnectionDomains(user, input.connectionId, input),
  { message: (domains) => (domains.length ? `Saved: ${domains.join(', ')}.` : 'Saved: no domains.'), revalidate: page },
);

export const addGroupMappingAction = formAction(
  withConnection,
  (input, user) => addGroupMapping(user, input.connectionId, input),
  { message: 'Group mapped: it applies at each member’s next sign-in.', revalidate: page },
);

export const removeGroupMappingAction = formAction(
  z.object({ connectionId: formId, mappingId: formId }),
  (input, user) => removeGroupMapping(user, input.connectionId, input.mappingId),
  { message: 'Mapping removed.', revalidate: page },
);

export const setConnectionEnabledAction = formAction(
  withConnection,
  (input, user) => setConnectionEnabled(user, input.connectionId, input),
  { message: 'Saved.', revalidate: (input) => [page(input), '/admin/sign-in'] },
);

export const setConnectionEnforcedAction = formAction(
  withConnection
    .extend({
      confirm: z
        .literal('yes', { error: 'Tick the box to confirm: people of these domains lose their password sign-in.' })
        .optional(),
    })
    .refine((v) => v.enforced !== 'true' || v.confirm === 'yes', {
      message: 'Tick the box to confirm: people of these domains lose their password sign-in.',
      path: ['confirm'],
    }),
  (input, user) => setConnectionEnforced(user, input.connectionId, input),
  { message: 'Saved.', revalidate: (input) => [page(input), '/admin/sign-in'] },
);

export const deleteConnectionAction = formAction(
  z.object({
    connectionId: formId,
    confirm: z.literal('yes', { error: 'Tick the box to confirm the deletion.' }),
  }),
  (input, user) => deleteConnection(user, input.connectionId),
  { redirect: () => '/admin/sign-in' },
);

export const saveBreakGlassAction = formAction(z.looseObject({}), (input, user) => saveBreakGlass(user, input), {
  message: (on) => (on ? 'Admins keep a password where SSO is enforced.' : 'Admins sign in through SSO too.'),
  revalidate: () => '/admin/sign-in',
});

export const issueScimTokenAction = formAction(
  z.object({ connectionId: formId }),
  (input, user) => issueScimToken(user, input.connectionId),
  {
    message: (token) => `New SCIM token (shown only now; copy it into your identity provider): ${token}`,
    revalidate: page,
  },
);
