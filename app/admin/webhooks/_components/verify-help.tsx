import { VERIFY_SNIPPET } from '@/lib/webhooks/verify-snippet';

/** How a receiver checks that a request comes from Quorum: the headers, and the tested snippet. */
export function VerifyHelp() {
  return (
    <details className="rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800">
      <summary className="cursor-pointer font-medium">How to verify a delivery</summary>
      <div className="mt-2 space-y-2">
        <p>
          Each delivery is a POST with the headers <code>Quorum-Event</code> (e.g. <code>item.created</code>),{' '}
          <code>Quorum-Delivery</code> (the same for every retry and re-send of one delivery: use it to ignore
          duplicates) and <code>Quorum-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</code>, the HMAC of{' '}
          <code>&lt;t&gt;.&lt;raw body&gt;</code> under the webhook&apos;s secret. Answer with a 2xx within 10 seconds;
          anything else is retried after 10 s, 1 min, 5 min, 30 min, 2 h, 6 h and 12 h. Redirects are not followed. In
          Node:
        </p>
        <pre className="overflow-x-auto rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-900">
          <code>{VERIFY_SNIPPET}</code>
        </pre>
      </div>
    </details>
  );
}
