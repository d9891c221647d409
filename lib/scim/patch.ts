import { badRequest } from './errors';
import { PATCH_OP_SCHEMA } from './schemas';

/** One PATCH operation (RFC 7644 §3.5.2), with its op in lower case: IdPs send "Replace" as well as "replace". */
export type PatchOperation = { op: 'add' | 'replace' | 'remove'; path: string | null; value: unknown };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The Operations of a PatchOp body, checked for shape; each op's path and value are checked by the resource. */
export function patchOperations(body: Record<string, unknown>): PatchOperation[] {
  const schemas = body.schemas;
  if (schemas !== undefined && (!Array.isArray(schemas) || !schemas.includes(PATCH_OP_SCHEMA))) {
    throw badRequest('invalidSyntax', `A PATCH body's "schemas" must list ${PATCH_OP_SCHEMA}.`);
  }
  for (const key of Object.keys(body)) {
    if (!['schemas', 'operations'].includes(key.toLowerCase())) {
      throw badRequest('invalidSyntax', `Unknown attribute "${key.slice(0, 100)}" in a PATCH body.`);
    }
  }
  const key = Object.keys(body).find((k) => k.toLowerCase() === 'operations');
  const ops = key ? body[key] : undefined;
  if (!Array.isArray(ops) || ops.length === 0) {
    throw badRequest('invalidSyntax', 'A PATCH body needs "Operations": a list of at least one operation.');
  }
  if (ops.length > 1000) throw badRequest('tooMany', 'A PATCH body may hold at most 1,000 operations.');
  return ops.map((raw, i) => {
    if (!isObject(raw)) throw badRequest('invalidSyntax', `Operation ${i + 1} must be an object.`);
    const entries = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
    for (const k of Object.keys(entries)) {
      if (!['op', 'path', 'value'].includes(k)) {
        throw badRequest('invalidSyntax', `Operation ${i + 1} has an unknown member "${k.slice(0, 100)}".`);
      }
    }
    const op = typeof entries.op === 'string' ? entries.op.toLowerCase() : '';
    if (op !== 'add' && op !== 'replace' && op !== 'remove') {
      throw badRequest('invalidSyntax', `Operation ${i + 1}: "op" must be add, replace or remove.`);
    }
    const path = entries.path;
    if (path !== undefined && (typeof path !== 'string' || path.trim() === '' || path.length > 300)) {
      throw badRequest('invalidPath', `Operation ${i + 1}: "path" must be a non-empty attribute path.`);
    }
    if (op === 'remove' && path === undefined) {
      throw badRequest('noTarget', `Operation ${i + 1}: a remove needs a "path".`);
    }
    if (op !== 'remove' && entries.value === undefined) {
      throw badRequest('invalidValue', `Operation ${i + 1}: an ${op} needs a "value".`);
    }
    return { op, path: typeof path === 'string' ? path.trim() : null, value: entries.value };
  });
}

/** `members[value eq "2819c223"]` → `{ attribute: 'members', filterAttribute: 'value', filterValue: '2819c223', sub: null }`. */
export type ParsedPath = {
  attribute: string;
  filterAttribute: string | null;
  filterValue: string | null;
  sub: string | null;
};

const PATH = /^([A-Za-z][\w$-]*)(?:\[\s*([A-Za-z][\w$.-]*)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*\])?(?:\.([A-Za-z][\w$-]*))?$/i;

/** An attribute path with at most one `eq` value filter and one sub-attribute; a URN prefix is split off first. */
export function parsePath(path: string): ParsedPath {
  const match = PATH.exec(path);
  if (!match) throw badRequest('invalidPath', `The path "${path.slice(0, 100)}" is not one Quorum understands.`);
  return {
    attribute: match[1],
    filterAttribute: match[2] ?? null,
    filterValue: match[3] !== undefined ? unquote(match[3], path) : null,
    sub: match[4] ?? null,
  };
}

function unquote(text: string, path: string): string {
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch {
    throw badRequest('invalidPath', `The path "${path.slice(0, 100)}" has a malformed quoted value.`);
  }
}
