import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from './schemas';
import { listResponse, MAX_PAGE } from './query';
import { MAX_JSON_BODY_BYTES } from '@/lib/body-limits';

/** What an IdP reads to learn what Quorum's SCIM service does (RFC 7644 §4). */
export function serviceProviderConfig(baseUrl: string) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_PAGE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer token',
        description: 'The SCIM token an admin issues for the connection, sent as Authorization: Bearer.',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
    maxPayloadSize: MAX_JSON_BODY_BYTES,
  };
}

export function resourceTypes(baseUrl: string) {
  return asList([
    {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      schema: USER_SCHEMA,
      schemaExtensions: [{ schema: ENTERPRISE_USER_SCHEMA, required: false }],
      meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/User` },
    },
    {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      schema: GROUP_SCHEMA,
      meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/Group` },
    },
  ]);
}

type Attribute = { name: string; type: string; required?: boolean; multiValued?: boolean; subAttributes?: Attribute[] };

const attr = (name: string, type = 'string', more: Partial<Attribute> = {}) => ({
  name,
  type,
  multiValued: false,
  required: false,
  mutability: name === 'id' ? 'readOnly' : 'readWrite',
  returned: 'default',
  ...(type === 'string'
    ? { caseExact: name === 'externalId' || name === 'value', uniqueness: name === 'userName' ? 'server' : 'none' }
    : {}),
  ...more,
});

/** The attributes Quorum keeps; others of the standard schemas are accepted and ignored. */
export function schemas(baseUrl: string) {
  const schema = (id: string, name: string, attributes: unknown[]) => ({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
    id,
    name,
    attributes,
    meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${id}` },
  });
  return asList([
    schema(USER_SCHEMA, 'User', [
      attr('userName', 'string', { required: true }),
      attr('name', 'complex', { subAttributes: [attr('formatted'), attr('givenName'), attr('familyName')] }),
      attr('displayName'),
      attr('emails', 'complex', {
        multiValued: true,
        subAttributes: [attr('value'), attr('type'), attr('primary', 'boolean')],
      }),
      attr('active', 'boolean'),
      attr('externalId'),
      attr('groups', 'complex', { multiValued: true, subAttributes: [attr('value'), attr('display')] }),
    ]),
    schema(ENTERPRISE_USER_SCHEMA, 'EnterpriseUser', [attr('department')]),
    schema(GROUP_SCHEMA, 'Group', [
      attr('displayName', 'string', { required: true }),
      attr('externalId'),
      attr('members', 'complex', { multiValued: true, subAttributes: [attr('value'), attr('display')] }),
    ]),
  ]);
}

// RFC 7644 §4 answers these two endpoints as list responses.
const asList = (resources: unknown[]) =>
  listResponse(resources, resources.length, { startIndex: 1, count: resources.length });
