import type { FormState } from '@/lib/actions.server';
import type { DemoView } from '@/lib/demos/read.server';
import { ScheduleDemoForm, type DemoItemOption } from './schedule-demo-form';

const DAY_MS = 86_400_000;

/** The scheduling form again, filled with the demo as it is, for an organiser to change it. */
export function ChangeDemo({
  view,
  options,
  action,
}: {
  view: DemoView;
  options: { items: DemoItemOption[]; people: { id: number; name: string }[] };
  action: (prev: FormState | undefined, form: FormData) => Promise<FormState>;
}) {
  const { demo } = view;
  const end = Date.parse(demo.startsAt) + demo.durationMinutes * 60_000;
  const feedbackDays = Math.max(0, Math.round((Date.parse(demo.feedbackClosesAt) - end) / DAY_MS));
  // An item already on the demo stays offered even if its status has moved on since.
  const offered = [
    ...options.items,
    ...view.items
      .filter((i) => !options.items.some((o) => o.id === i.itemId))
      .map((i) => ({ id: i.itemId, title: i.title, status: i.status, people: [] })),
  ];
  return (
    <details className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <summary className="cursor-pointer text-sm font-medium">Change the demo</summary>
      <div className="mt-3">
        <ScheduleDemoForm
          action={action}
          hidden={{ demoId: demo.id }}
          items={offered}
          people={options.people}
          submitLabel="Save changes"
          initial={{
            title: demo.title,
            startsAt: demo.startsAt,
            durationMinutes: String(demo.durationMinutes),
            presenterId: String(demo.presenterId),
            feedbackDays: String(feedbackDays),
            itemIds: view.items.map((i) => String(i.itemId)),
            inviteeIds: view.invitees.map((p) => String(p.id)),
          }}
        />
      </div>
    </details>
  );
}
