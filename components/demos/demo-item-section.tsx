import Link from '@/components/ui/link';
import type { FormState } from '@/lib/actions.server';
import type { DemoView } from '@/lib/demos/read.server';
import { STAGE_LABELS, VERDICT_LABELS } from '@/lib/demos/schema';
import { LocalTime } from '@/components/items/item-history';
import { ActionButtonForm, FeedbackForm, ShownItemForm } from './demo-forms';

type Action = (prev: FormState | undefined, form: FormData) => Promise<FormState>;

/** One item of a demo: what was shown, the feedback on it, and the forms the viewer may use. */
export function DemoItemSection({
  view,
  item,
  actions,
}: {
  view: DemoView;
  item: DemoView['items'][number];
  actions: { record: Action; feedback: Action; toRequest: Action };
}) {
  const { demo } = view;
  const prefix = `item-${item.itemId}`;
  const feedback = view.feedback.filter((f) => f.itemId === item.itemId);
  return (
    <section
      id={prefix}
      aria-labelledby={`${prefix}-heading`}
      className="space-y-4 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <div className="space-y-1">
        <h2 id={`${prefix}-heading`} className="text-lg font-semibold break-words">
          {item.title}
        </h2>
        <p className="text-sm">{item.shownAt && item.stage ? `Shown: ${STAGE_LABELS[item.stage]}` : 'Not shown yet'}</p>
        {item.notes && <p className="text-sm whitespace-pre-wrap break-words">{item.notes}</p>}
        {item.links.length > 0 && (
          <ul className="list-disc pl-5 text-sm">
            {item.links.map((href) => (
              <li key={href} className="break-all">
                <a href={href} rel="noreferrer noopener" target="_blank">
                  {href}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
      {view.can.record && (
        <details open={!item.shownAt}>
          <summary className="cursor-pointer text-sm font-medium">Record what was shown of {item.title}</summary>
          <div className="mt-3">
            <ShownItemForm
              action={actions.record}
              demoId={demo.id}
              itemId={item.itemId}
              idPrefix={prefix}
              recorded={Boolean(item.shownAt)}
              initial={{ stage: item.stage ?? '', notes: item.notes, links: item.links.join('\n') }}
            />
          </div>
        </details>
      )}
      {feedback.length > 0 && (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">Feedback</h3>
          <ul className="space-y-2">
            {feedback.map((f) => (
              <li key={f.id} className="space-y-1 rounded-md bg-zinc-50 p-2 text-sm dark:bg-zinc-800/50">
                <p>
                  <strong className="font-medium">{VERDICT_LABELS[f.verdict]}</strong> from {f.authorName} ·{' '}
                  <LocalTime iso={f.createdAt} />
                </p>
                {f.comment && <p className="whitespace-pre-wrap break-words">{f.comment}</p>}
                {f.requestItemId ? (
                  <p>
                    Became <Link href={`/requests/${f.requestItemId}`}>request #{f.requestItemId}</Link>
                  </p>
                ) : (
                  f.verdict === 'concern' &&
                  (view.can.turnIntoRequest || f.authorId === view.actorId) && (
                    <ActionButtonForm
                      action={actions.toRequest}
                      fields={{ demoId: demo.id, feedbackId: f.id }}
                      label="Turn into a request"
                      variant="secondary"
                    />
                  )
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {item.shownAt && view.can.giveFeedback && (
        <FeedbackForm
          action={actions.feedback}
          demoId={demo.id}
          itemId={item.itemId}
          idPrefix={prefix}
          itemTitle={item.title}
        />
      )}
    </section>
  );
}
