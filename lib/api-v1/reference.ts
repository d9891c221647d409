import { API_SCOPES } from '@/lib/api-tokens/scopes';
import { openApiDocument } from './openapi';

/**
 * The OpenAPI document flattened for the reference page (app/developers/api): each operation with
 * its parameters, body and answer as lists of fields, and each named schema's fields. The page
 * renders this on the server: no script, nothing fetched from elsewhere.
 */

type Json = Record<string, unknown>;
export type Field = { name: string; type: string; required: boolean; description: string };
export type ReferenceOperation = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  scope: string;
  parameters: (Field & { in: string })[];
  body: { schema: string; fields: Field[] } | null;
  status: string;
  response: { schema: string; fields: Field[] };
  errors: { status: string; description: string }[];
  curl: string;
};

const refName = (ref: string) => ref.split('/').pop() ?? ref;

/** A property's type in words: `Item[]`, `Ref | null`, `"mine" | "triage"`, `string`. */
export function typeOf(schema: Json | undefined): string {
  if (!schema) return 'any';
  if (typeof schema.$ref === 'string') return refName(schema.$ref);
  const union = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (union) return union.map(typeOf).join(' | ');
  if (Array.isArray(schema.type)) return schema.type.map((t) => typeOf({ ...schema, type: t })).join(' | ');
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.type === 'array') return `${typeOf(schema.items as Json)}[]`;
  if (schema.type === 'object' && schema.properties) {
    return `{ ${Object.keys(schema.properties as Json).join(', ')} }`;
  }
  if (schema.type === 'object' && schema.additionalProperties)
    return `{ [key]: ${typeOf(schema.additionalProperties as Json)} }`;
  return String(schema.type ?? 'any');
}

function resolve(schema: Json | undefined, schemas: Record<string, Json>): { name: string; schema: Json } {
  if (schema && typeof schema.$ref === 'string') {
    const name = refName(schema.$ref);
    return { name, schema: schemas[name] ?? {} };
  }
  return { name: '', schema: schema ?? {} };
}

export function fieldsOf(schema: Json, schemas: Record<string, Json>): Field[] {
  const { schema: s } = resolve(schema, schemas);
  const required = new Set((s.required as string[] | undefined) ?? []);
  return Object.entries((s.properties as Record<string, Json> | undefined) ?? {}).map(([name, prop]) => ({
    name,
    type: typeOf(prop),
    required: required.has(name),
    description: String(prop.description ?? resolve(prop, schemas).schema.description ?? ''),
  }));
}

function curlOf(
  method: string,
  path: string,
  parameters: { in: string; name: string; required: boolean }[],
  body: boolean,
) {
  const url = `$QUORUM_URL/api/v1${path.replace(/\{(\w+)\}/g, '1')}`;
  const query = parameters.filter((p) => p.in === 'query' && p.required).map((p) => `${p.name}=1`);
  const full = query.length ? `${url}?${query.join('&')}` : url;
  const lines = [
    `curl${method === 'get' ? '' : ` -X ${method.toUpperCase()}`} "${full}"`,
    '  -H "Authorization: Bearer $QUORUM_TOKEN"',
  ];
  if (body) lines.push('  -H "Content-Type: application/json"', "  -d '{ … }'");
  return lines.join(' \\\n');
}

export function apiReference() {
  const doc = openApiDocument() as unknown as Json & { paths: Record<string, Record<string, Json>>; components: Json };
  const schemas = ((doc.components as Json).schemas ?? {}) as Record<string, Json>;
  const operations: ReferenceOperation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = ((op.parameters as Json[] | undefined) ?? []).map((p) => ({
        name: String(p.name),
        in: String(p.in),
        type: typeOf(p.schema as Json),
        required: Boolean(p.required),
        description: String(p.description ?? ''),
      }));
      const bodySchema = ((op.requestBody as Json | undefined)?.content as Json | undefined)?.['application/json'] as
        Json | undefined;
      const responses = op.responses as Record<string, Json>;
      const status = Object.keys(responses).find((s) => s.startsWith('2'))!;
      const okSchema = ((responses[status].content as Json)['application/json'] as Json).schema as Json;
      operations.push({
        id: String(op.operationId),
        method,
        path,
        summary: String(op.summary ?? ''),
        description: String(op.description ?? '')
          .replace(/\n\nScope: `[^`]+`\.$/, '')
          .replace(/^Scope: `[^`]+`\.$/, ''),
        scope: String(op['x-scope'] ?? ''),
        parameters,
        body: bodySchema
          ? {
              schema: resolve(bodySchema.schema as Json, schemas).name,
              fields: fieldsOf(bodySchema.schema as Json, schemas),
            }
          : null,
        status,
        response: { schema: resolve(okSchema, schemas).name, fields: fieldsOf(okSchema, schemas) },
        errors: Object.entries(responses)
          .filter(([s]) => !s.startsWith('2'))
          .map(([s, r]) => ({ status: s, description: String(r.description ?? '') })),
        curl: curlOf(method, path, parameters, Boolean(bodySchema)),
      });
    }
  }
  const named = Object.entries(schemas)
    .filter(([, s]) => s.type === 'object')
    .map(([name, s]) => ({ name, description: String(s.description ?? ''), fields: fieldsOf(s, schemas) }));
  return {
    title: String((doc.info as Json).title),
    description: String((doc.info as Json).description),
    operations,
    schemas: named,
    scopes: API_SCOPES,
  };
}
