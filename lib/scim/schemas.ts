/** The SCIM schema URNs Quorum speaks (RFC 7643 §8.7). */
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const LIST_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/**
 * Attributes of the User schemas that Quorum accepts but does not keep (an IdP sends what it has;
 * refusing these would stop provisioning). Anything outside the schemas is refused, naming it.
 * Lower case: SCIM attribute names are case-insensitive (RFC 7643 §2.1).
 */
export const IGNORED_USER_ATTRIBUTES = new Set(
  [
    'nickName',
    'profileUrl',
    'title',
    'userType',
    'preferredLanguage',
    'locale',
    'timezone',
    'password',
    'phoneNumbers',
    'ims',
    'photos',
    'addresses',
    'entitlements',
    'roles',
    'x509Certificates',
  ].map((a) => a.toLowerCase()),
);

export const IGNORED_ENTERPRISE_ATTRIBUTES = new Set(
  ['employeeNumber', 'costCenter', 'organization', 'division', 'manager'].map((a) => a.toLowerCase()),
);

/** Read-only attributes a client may echo back (a PUT of what GET gave): ignored on input. */
export const READ_ONLY_ATTRIBUTES = new Set(['id', 'meta', 'groups', 'schemas']);
