import type { BadInputTarget } from './targets';

/** Bad input for Settings › API tokens. The REST API's own bad input is tested in lib/api-v1. */
export const API_TOKEN_BAD_INPUT_TARGETS: BadInputTarget[] = [
  {
    target: 'action createApiTokenAction',
    from: 'a token to read requests',
    as: 'leader',
    kinds: { name: 'line', scopes: 'enum', expiresIn: 'enum', expiresOn: 'date' },
  },
  { target: 'action revokeApiTokenAction', from: 'their own token', as: 'leader', kinds: { tokenId: 'id' } },
];
