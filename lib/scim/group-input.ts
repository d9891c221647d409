import { z } from 'zod';
import { singleLine } from '@/lib/validation';
import { badRequest } from './errors';
import { parsePath, type PatchOperation } from './patch';
import { READ_ONLY_ATTRIBUTES } from './schemas';

/** A Group as Quorum keeps it: its name, the IdP's id for it, and its members' SCIM user ids. */
export type GroupState = { displayName: string; externalId: string | null; members: string[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const MEMBER_KEYS = new Set(['value', 'display', '$ref', 'type']);

/** `[{ "value": "2819c223-…" }, …]` → the ids, each checked. */
export function memberIds(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length > 10_000) throw badRequest('tooMany', '"members" may list at most 10,000 people at once.');
  return list.map((m) => {
    if (!isObject(m) || typeof m.value !== 'string' || m.value.trim() === '' || m.value.length > 100) {
      throw badRequest('invalidValue', 'Each of "members" must be an object with a "value": a User id.');
    }
    const unknown = Object.keys(m).find((k) => !MEMBER_KEYS.has(k.toLowerCase()));
    if (unknown) throw badRequest('invalidSyntax', `Unknown attribute "members.${unknown.slice(0, 100)}".`);
    return m.value.trim();
  });
}

const displayName = singleLine('"displayName"', 200, { required: '"displayName" is required.' });
const externalId = singleLine('"externalId"', 200);

function parseField<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest('invalidValue', result.error.issues[0].message);
  return result.data;
}

/** The body of a POST or PUT: unknown attributes refused by name, read-only ones ignored. */
export function parseGroup(body: Record<string, unknown>): GroupState {
  const state: GroupState = { displayName: '', externalId: null, members: [] };
  let named = false;
  for (const [key, value] of Object.entries(body)) {
    const lower = key.toLowerCase();
    if (lower === 'displayname') {
      state.displayName = parseField(displayName, value);
      named = true;
    } else if (lower === 'externalid') state.externalId = parseField(externalId, value) || null;
    else if (lower === 'members') state.members = value === null ? [] : memberIds(value);
    else if (!READ_ONLY_ATTRIBUTES.has(lower)) {
      throw badRequest('invalidSyntax', `Unknown attribute "${key.slice(0, 100)}" for a Group.`);
    }
  }
  if (!named) throw badRequest('invalidValue', '"displayName" is required.');
  state.members = [...new Set(state.members)];
  return state;
}

/**
 * Applies PATCH operations to a Group: members added, removed (`members[value eq "…"]`, or Entra's
 * remove of `members` with the ones to remove as its value), replaced; displayName and externalId
 * replaced. Without a path the value is an object of attributes (Okta sends `{id, displayName}`).
 */
export function applyGroupPatch(current: GroupState, operations: PatchOperation[]): GroupState {
  const state: GroupState = { ...current, members: [...current.members] };
  const apply = (op: PatchOperation['op'], path: string, value: unknown) => {
    const parsed = parsePath(path);
    const attribute = parsed.attribute.toLowerCase();
    if (attribute === 'members') {
      if (parsed.sub)
        throw badRequest('invalidPath', `The path "${path.slice(0, 100)}" is not one Quorum understands.`);
      if (parsed.filterAttribute) {
        if (parsed.filterAttribute.toLowerCase() !== 'value' || op !== 'remove') {
          throw badRequest(
            'invalidPath',
            'Only a remove may filter members, and only by value: members[value eq "…"].',
          );
        }
        state.members = state.members.filter((m) => m !== parsed.filterValue);
        return;
      }
      if (op === 'remove') {
        const gone = value === undefined || value === null ? state.members : memberIds(value);
        state.members = state.members.filter((m) => !gone.includes(m));
      } else {
        const ids = value === null ? [] : memberIds(value);
        state.members = [...new Set(op === 'add' ? [...state.members, ...ids] : ids)];
      }
      return;
    }
    if (parsed.filterAttribute || parsed.sub) {
      throw badRequest('invalidPath', `The path "${path.slice(0, 100)}" is not one Quorum understands.`);
    }
    if (attribute === 'displayname') {
      if (op === 'remove') throw badRequest('mutability', '"displayName" is required and cannot be removed.');
      state.displayName = parseField(displayName, value);
    } else if (attribute === 'externalid') {
      state.externalId = op === 'remove' ? null : parseField(externalId, value) || null;
    } else if (!READ_ONLY_ATTRIBUTES.has(attribute)) {
      throw badRequest('invalidPath', `Unknown attribute "${parsed.attribute.slice(0, 100)}" for a Group.`);
    }
  };
  for (const { op, path, value } of operations) {
    if (path !== null) apply(op, path, value);
    else if (!isObject(value))
      throw badRequest('invalidValue', `A ${op} without a "path" needs an object as its value.`);
    else for (const [key, v] of Object.entries(value)) apply(op, key, v);
  }
  return state;
}
