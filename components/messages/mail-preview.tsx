export type MailPreviewData = { recipient: string; subject: string; text: string; html: string };

/** The body of our own e-mail HTML: the document wrapper cannot go inside a page. */
function bodyOf(html: string): string {
  const match = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  return match ? match[1] : html;
}

/**
 * What one recipient would be sent, shown before sending: the subject, the plain-text part and the
 * HTML part. The HTML is Quorum's own output, built with every user-written word escaped
 * (composeEmail, composeDigest), so it can be shown as it is; a frame is not an option under the CSP.
 */
export function MailPreview({ preview }: { preview: MailPreviewData }) {
  return (
    <section
      aria-label="E-mail preview"
      className="space-y-3 rounded-md border border-zinc-200 bg-white p-3 text-sm dark:border-zinc-700 dark:bg-zinc-900"
    >
      <p className="text-zinc-600 dark:text-zinc-400">
        Preview of the e-mail to {preview.recipient}. Nothing has been sent.
      </p>
      <p>
        <span className="font-medium">Subject:</span> {preview.subject}
      </p>
      <details open>
        <summary className="cursor-pointer font-medium">Plain text</summary>
        <pre className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap break-words rounded bg-zinc-50 p-2 font-sans text-sm dark:bg-zinc-950">
          {preview.text}
        </pre>
      </details>
      <details>
        <summary className="cursor-pointer font-medium">HTML</summary>
        <div
          className="mt-2 max-h-96 overflow-auto break-words rounded bg-white p-2 text-zinc-900"
          dangerouslySetInnerHTML={{ __html: bodyOf(preview.html) }}
        />
      </details>
    </section>
  );
}
