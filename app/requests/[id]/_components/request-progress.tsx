import type { DeliveryRecordView, FeedbackView } from '@/lib/delivery/read.server';
import type { RequestorStage, Step } from '@/lib/delivery/stages';
import { DeliveryHistory } from '@/app/items/[id]/_components/delivery/delivery-history';
import { LocalTime } from '@/components/items/item-history';

const MARK: Record<Step['state'], string> = {
  done: 'border-emerald-600 bg-emerald-600 text-white',
  current: 'border-indigo-600 bg-indigo-600 text-white',
  upcoming: 'border-zinc-300 text-zinc-500 dark:border-zinc-600 dark:text-zinc-400',
};

const STATE_TEXT: Record<Step['state'], string> = { done: 'done', current: 'current stage', upcoming: 'not yet' };

/**
 * Where a request stands after the decision, as a stepper (decided → scheduled → in delivery →
 * delivered → feedback), with what was delivered and what the demos' attendees said of it. It wraps
 * on a phone rather than scroll sideways.
 */
export function RequestProgress({
  title,
  stage,
  steps,
  records,
  feedback,
}: {
  title: string;
  stage: RequestorStage | null;
  steps: Step[];
  records: DeliveryRecordView[];
  feedback: FeedbackView[];
}) {
  if (stage === null) return null;
  return (
    <section aria-labelledby="progress" className="space-y-3">
      <h2 id="progress" className="text-base font-semibold">
        Progress
      </h2>
      <ol aria-label="Stages" className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        {steps.map((step, i) => (
          <li
            key={step.stage}
            aria-current={step.state === 'current' ? 'step' : undefined}
            className="flex items-center gap-1.5"
          >
            <span
              aria-hidden="true"
              className={`inline-flex size-6 items-center justify-center rounded-full border text-xs ${MARK[step.state]}`}
            >
              {step.state === 'done' ? '✓' : i + 1}
            </span>
            <span className={step.state === 'current' ? 'font-semibold' : undefined}>{step.label}</span>
            <span className="sr-only"> ({STATE_TEXT[step.state]})</span>
          </li>
        ))}
      </ol>
      {records.length > 0 && <DeliveryHistory records={records} title={title} />}
      {feedback.length > 0 && <DemoFeedbackList feedback={feedback} />}
    </section>
  );
}

function DemoFeedbackList({ feedback }: { feedback: FeedbackView[] }) {
  return (
    <div className="space-y-1">
      <h3 id="demo-feedback" className="text-sm font-semibold">
        Feedback from demos
      </h3>
      <ul aria-labelledby="demo-feedback" className="space-y-2 text-sm">
        {feedback.map((f) => (
          <li key={f.id} className="wrap-anywhere">
            <span className="font-medium">
              {f.verdict} from {f.authorName}
            </span>
            <span className="text-zinc-600 dark:text-zinc-400">
              {' '}
              · {f.demoTitle} · <LocalTime iso={f.givenAt} />
            </span>
            {f.comment && <p className="whitespace-pre-line">{f.comment}</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}
