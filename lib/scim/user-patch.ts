import { badRequest } from './errors';
import { parsePath, type PatchOperation } from './patch';
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from './schemas';
import { canonicalAttribute, canonicalSubAttribute, type UserDoc } from './user-input';

type Email = Record<string, unknown>;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Applies PATCH operations to a User (RFC 7644 §3.5.2): with a path (`active`, `name.givenName`,
 * `emails[type eq "work"].value`, the enterprise extension's `…:User:department`) or without one,
 * the value then being an object of attributes (Okta's `{"active": false}`). The result is checked
 * as a whole by parseUser, as a PUT would be.
 */
export function applyUserPatch(current: UserDoc, operations: PatchOperation[]): UserDoc {
  const doc: UserDoc = structuredClone(current);
  const touched = new Set<string>();
  for (const { op, path, value } of operations) {
    if (path === null) {
      if (!isObject(value)) throw badRequest('invalidValue', `A ${op} without a "path" needs an object as its value.`);
      for (const [key, v] of Object.entries(value)) applyAt(doc, key, op, v, touched);
    } else {
      applyAt(doc, path, op, value, touched);
    }
  }
  // Quorum keeps one name; an IdP changing only the given or family name means it, not the stored display name.
  const nameParts = [...touched].some((t) => t.startsWith('name.') && t !== 'name.formatted');
  if (nameParts && !touched.has('name.formatted') && doc.name) delete doc.name.formatted;
  if ((nameParts || touched.has('name.formatted')) && !touched.has('displayName')) delete doc.displayName;
  return doc;
}

function applyAt(doc: UserDoc, rawPath: string, op: PatchOperation['op'], value: unknown, touched: Set<string>) {
  const lower = rawPath.toLowerCase();
  const enterprise = ENTERPRISE_USER_SCHEMA.toLowerCase();
  if (lower === enterprise) return applyObject(doc, 'enterprise', op, value, touched);
  if (lower.startsWith(enterprise + ':')) {
    const sub = canonicalSubAttribute('enterprise', rawPath.slice(enterprise.length + 1));
    if (sub) setSub(doc, 'enterprise', sub, op, value, touched);
    return;
  }
  const path = lower.startsWith(USER_SCHEMA.toLowerCase() + ':') ? rawPath.slice(USER_SCHEMA.length + 1) : rawPath;
  const parsed = parsePath(path);
  const attribute = canonicalAttribute(parsed.attribute);
  if (attribute === null) return;
  if (attribute === 'emails') return applyEmails(doc, parsed, op, value);
  if (attribute === 'name' || attribute === 'enterprise') {
    if (parsed.filterAttribute) throw badRequest('invalidPath', `"${path.slice(0, 100)}" cannot be filtered.`);
    if (parsed.sub) {
      const sub = canonicalSubAttribute(attribute, parsed.sub);
      if (sub) setSub(doc, attribute, sub, op, value, touched);
      return;
    }
    return applyObject(doc, attribute, op, value, touched);
  }
  if (parsed.filterAttribute || parsed.sub) {
    throw badRequest('invalidPath', `"${attribute}" has no sub-attributes: the path "${path.slice(0, 100)}" is wrong.`);
  }
  touched.add(attribute);
  if (op === 'remove') delete doc[attribute];
  else doc[attribute] = value;
}

function setSub(
  doc: UserDoc,
  parent: 'name' | 'enterprise',
  sub: string,
  op: PatchOperation['op'],
  value: unknown,
  touched: Set<string>,
) {
  touched.add(`${parent}.${sub}`);
  const target = (doc[parent] ??= {});
  if (op === 'remove') delete target[sub];
  else target[sub] = value;
}

function applyObject(
  doc: UserDoc,
  parent: 'name' | 'enterprise',
  op: PatchOperation['op'],
  value: unknown,
  touched: Set<string>,
) {
  if (op === 'remove') {
    delete doc[parent];
    touched.add(`${parent}.*`);
    return;
  }
  if (!isObject(value)) throw badRequest('invalidValue', `The value for "${parent}" must be an object.`);
  for (const [key, v] of Object.entries(value)) {
    const sub = canonicalSubAttribute(parent, key);
    if (sub) setSub(doc, parent, sub, op, v, touched);
  }
}

function applyEmails(doc: UserDoc, path: ReturnType<typeof parsePath>, op: PatchOperation['op'], value: unknown) {
  const list: Email[] = Array.isArray(doc.emails) ? [...(doc.emails as Email[])] : [];
  const { filterAttribute, filterValue, sub } = path;
  if (!filterAttribute) {
    if (sub)
      throw badRequest(
        'invalidPath',
        '"emails" needs a filter before a sub-attribute, e.g. emails[type eq "work"].value.',
      );
    if (op === 'remove') doc.emails = [];
    else doc.emails = op === 'add' ? [...list, ...(Array.isArray(value) ? value : [value])] : value;
    return;
  }
  const matches = (e: Email) => String(e[filterAttribute] ?? '').toLowerCase() === String(filterValue).toLowerCase();
  if (op === 'remove') {
    doc.emails = sub ? list.map((e) => (matches(e) ? omit(e, sub) : e)) : list.filter((e) => !matches(e));
    return;
  }
  const patch = sub ? { [sub]: value } : isObject(value) ? value : null;
  if (!patch) throw badRequest('invalidValue', 'The value for a filtered "emails" path must be an object.');
  if (list.some(matches)) doc.emails = list.map((e) => (matches(e) ? { ...e, ...patch } : e));
  else doc.emails = [...list, { [filterAttribute]: filterValue, ...patch }];
}

const omit = (e: Email, key: string) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== key));
