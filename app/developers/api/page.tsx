import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session.server';
import { apiReference, type Field } from '@/lib/api-v1/reference';

export const metadata: Metadata = { title: 'REST API · Quorum' };

const card = 'space-y-3 rounded-md border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-950';

function Fields({ label, fields }: { label: string; fields: (Field & { in?: string })[] }) {
  if (fields.length === 0) return null;
  return (
    <div className="space-y-1">
      <h4 className="text-sm font-semibold">{label}</h4>
      <ul className="space-y-1 text-sm">
        {fields.map((f) => (
          <li key={`${f.in ?? ''}${f.name}`} className="wrap-anywhere">
            <code className="font-semibold">{f.name}</code>{' '}
            <span className="text-zinc-600 dark:text-zinc-400">
              {f.in ? `${f.in}, ` : ''}
              <code>{f.type}</code>
              {f.required ? ', required' : ''}
            </span>
            {f.description && <span> — {f.description}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The REST API reference: the OpenAPI document (/api/v1/openapi.json) rendered on the server, with
 * a curl example per operation. For signed-in people: they are the ones who can create a token.
 */
export default async function ApiReferencePage() {
  await requireUser();
  const ref = apiReference();
  return (
    <div className="max-w-3xl min-w-0 space-y-6">
      <div className="space-y-2">
        <h1 className="text-xl font-semibold">{ref.title}</h1>
        <p className="text-sm wrap-anywhere">{ref.description}</p>
        <p className="text-sm">
          Create a token under{' '}
          <a href="/settings" className="underline">
            Settings → API tokens
          </a>
          . The machine-readable description is at{' '}
          <a href="/api/v1/openapi.json" className="underline">
            /api/v1/openapi.json
          </a>{' '}
          (OpenAPI 3.1).
        </p>
      </div>
      <section aria-labelledby="conventions" className={card}>
        <h2 id="conventions" className="font-semibold">
          Conventions
        </h2>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          <li>
            Every request sends <code>Authorization: Bearer &lt;token&gt;</code>; no cookie is read.
          </li>
          <li>
            Errors are <code>application/problem+json</code>: <code>type</code>, <code>title</code>, <code>status</code>
            , <code>detail</code>, <code>instance</code>, and for 400 <code>errors</code> by field.
          </li>
          <li>
            Each answer carries <code>RateLimit-Limit</code>, <code>RateLimit-Remaining</code> and{' '}
            <code>RateLimit-Reset</code>; over the limit the answer is 429 with <code>Retry-After</code>.
          </li>
          <li>
            Lists of items come a page at a time: pass <code>nextCursor</code> back as <code>cursor</code>, or follow
            the <code>Link</code> header.
          </li>
        </ul>
        <h3 className="text-sm font-semibold">Scopes</h3>
        <ul className="space-y-1 text-sm">
          {ref.scopes.map((s) => (
            <li key={s.scope}>
              <code>{s.scope}</code> — {s.label}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="operations" className="space-y-4">
        <h2 id="operations" className="text-lg font-semibold">
          Operations
        </h2>
        {ref.operations.map((op) => (
          <article key={op.id} aria-labelledby={op.id} className={card}>
            <h3 id={op.id} className="font-semibold wrap-anywhere">
              <span className="mr-2 rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800">
                {op.method.toUpperCase()}
              </span>{' '}
              <code>/api/v1{op.path}</code>
            </h3>
            <p className="text-sm">
              {op.summary}. Scope: <code>{op.scope}</code>.
            </p>
            {op.description && <p className="text-sm text-zinc-700 dark:text-zinc-300">{op.description}</p>}
            <Fields label="Parameters" fields={op.parameters} />
            {op.body && <Fields label={`Request body (${op.body.schema || 'JSON'})`} fields={op.body.fields} />}
            <Fields
              label={`Answer ${op.status}${op.response.schema ? ` (${op.response.schema})` : ''}`}
              fields={op.response.fields}
            />
            <p className="text-sm text-zinc-700 dark:text-zinc-300">
              Errors: {op.errors.map((e) => `${e.status} ${e.description}`).join(' · ')}
            </p>
            <pre className="rounded bg-zinc-900 p-3 text-xs whitespace-pre-wrap text-zinc-100 wrap-anywhere">
              <code>{op.curl}</code>
            </pre>
          </article>
        ))}
      </section>
      <section aria-labelledby="schemas" className="space-y-4">
        <h2 id="schemas" className="text-lg font-semibold">
          Schemas
        </h2>
        {ref.schemas.map((s) => (
          <article key={s.name} aria-labelledby={`schema-${s.name}`} className={card}>
            <h3 id={`schema-${s.name}`} className="font-semibold">
              {s.name}
            </h3>
            {s.description && <p className="text-sm">{s.description}</p>}
            <Fields label="Fields" fields={s.fields} />
          </article>
        ))}
      </section>
    </div>
  );
}
