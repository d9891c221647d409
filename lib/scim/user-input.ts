import { z } from 'zod';
import { singleLine } from '@/lib/validation';
import { badRequest } from './errors';
import {
  ENTERPRISE_USER_SCHEMA,
  IGNORED_ENTERPRISE_ATTRIBUTES,
  IGNORED_USER_ATTRIBUTES,
  READ_ONLY_ATTRIBUTES,
} from './schemas';

/**
 * A User as SCIM sends it, with attribute names in their canonical case (they are case-insensitive,
 * RFC 7643 §2.1). PATCH edits one of these, so PUT, POST and PATCH are all checked by parseUser.
 */
export type UserDoc = {
  userName?: unknown;
  name?: Record<string, unknown>;
  displayName?: unknown;
  emails?: unknown;
  active?: unknown;
  externalId?: unknown;
  enterprise?: Record<string, unknown>;
};

const TOP: Record<string, Exclude<keyof UserDoc, 'enterprise'>> = {
  username: 'userName',
  name: 'name',
  displayname: 'displayName',
  emails: 'emails',
  active: 'active',
  externalid: 'externalId',
};
export const NAME_PARTS = ['formatted', 'givenName', 'familyName', 'middleName', 'honorificPrefix', 'honorificSuffix'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The canonical spelling of a User attribute (`"username"` → `"userName"`), or null when it is ignored. */
export function canonicalAttribute(key: string): keyof UserDoc | null {
  const lower = key.toLowerCase();
  if (lower === ENTERPRISE_USER_SCHEMA.toLowerCase()) return 'enterprise';
  if (TOP[lower]) return TOP[lower];
  if (READ_ONLY_ATTRIBUTES.has(lower) || IGNORED_USER_ATTRIBUTES.has(lower)) return null;
  throw badRequest('invalidSyntax', `Unknown attribute "${key.slice(0, 100)}" for a User.`);
}

export function canonicalSubAttribute(parent: 'name' | 'enterprise', key: string): string | null {
  const lower = key.toLowerCase();
  if (parent === 'name') {
    const part = NAME_PARTS.find((p) => p.toLowerCase() === lower);
    if (part) return part;
  } else {
    if (lower === 'department') return 'department';
    if (IGNORED_ENTERPRISE_ATTRIBUTES.has(lower)) return null;
  }
  throw badRequest('invalidSyntax', `Unknown attribute "${parent === 'name' ? 'name.' : ''}${key.slice(0, 100)}".`);
}

function subObject(parent: 'name' | 'enterprise', value: unknown): Record<string, unknown> {
  const label = parent === 'name' ? 'name' : ENTERPRISE_USER_SCHEMA;
  if (!isObject(value)) throw badRequest('invalidValue', `"${label}" must be an object.`);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const canonical = canonicalSubAttribute(parent, key);
    if (canonical) out[canonical] = v;
  }
  return out;
}

/** A request body as a UserDoc: unknown attributes refused by name, ignored ones dropped. */
export function userDocOf(body: Record<string, unknown>): UserDoc {
  const doc: UserDoc = {};
  for (const [key, value] of Object.entries(body)) {
    const attribute = canonicalAttribute(key);
    if (attribute === 'name' || attribute === 'enterprise') doc[attribute] = subObject(attribute, value);
    else if (attribute) doc[attribute] = value;
  }
  return doc;
}

/** Entra sends booleans as "True"/"False". */
const scimBoolean = z.preprocess(
  (v) => (typeof v === 'string' && /^(true|false)$/i.test(v) ? v.toLowerCase() === 'true' : v),
  z.boolean({ error: '"active" must be true or false.' }),
);

const email = (label: string) =>
  z
    .string({ error: `"${label}" must be an e-mail address.` })
    .trim()
    .toLowerCase()
    .max(254, `"${label}" must be at most 254 characters.`)
    .email(`"${label}" must be an e-mail address.`);

const optionalLine = (label: string, max: number) => singleLine(`"${label}"`, max).optional();

const UserSchema = z.object({
  userName: email('userName'),
  name: z
    .object({
      formatted: optionalLine('name.formatted', 200),
      givenName: optionalLine('name.givenName', 100),
      familyName: optionalLine('name.familyName', 100),
      middleName: optionalLine('name.middleName', 100),
      honorificPrefix: optionalLine('name.honorificPrefix', 50),
      honorificSuffix: optionalLine('name.honorificSuffix', 50),
    })
    .optional(),
  displayName: optionalLine('displayName', 200),
  emails: z
    .array(
      z.object({
        value: email('emails.value'),
        type: z.string({ error: '"emails.type" must be text.' }).max(50).optional(),
        primary: scimBoolean.optional(),
        display: z.string({ error: '"emails.display" must be text.' }).max(254).optional(),
      }),
      { error: '"emails" must be a list.' },
    )
    .max(20, '"emails" may hold at most 20 addresses.')
    .optional(),
  active: scimBoolean.optional(),
  externalId: optionalLine('externalId', 200),
  enterprise: z.object({ department: optionalLine('department', 100) }).optional(),
});

export type UserInput = {
  email: string;
  name: string;
  active: boolean;
  externalId: string | null;
  departmentName: string | null;
};

/**
 * What Quorum keeps of a User: userName is the e-mail address of record (the `emails` list is
 * checked but not kept), and the one name shown is displayName, else name.formatted, else the given
 * and family names, else the address's local part. `active` defaults to true.
 */
export function parseUser(doc: UserDoc): UserInput {
  if (doc.userName === undefined || doc.userName === null || doc.userName === '') {
    throw badRequest('invalidValue', '"userName" is required: the person’s e-mail address.');
  }
  const result = UserSchema.safeParse(doc);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue.path.join('.');
    throw badRequest('invalidValue', issue.message.startsWith('"') ? issue.message : `"${where}": ${issue.message}`);
  }
  const u = result.data;
  const joined = [u.name?.givenName, u.name?.familyName].filter(Boolean).join(' ');
  const name = u.displayName || u.name?.formatted || joined || u.userName.split('@')[0];
  return {
    email: u.userName,
    name: name.slice(0, 200),
    active: u.active ?? true,
    externalId: u.externalId || null,
    departmentName: u.enterprise?.department || null,
  };
}
