import Link from '@/components/ui/link';
import type { OutcomeReport } from '@/lib/outcome/types';
import { personWeeks } from '@/lib/meetings/format';
import { LocalTime } from '@/components/items/item-history';
import { MeetingTime } from '@/components/meetings/meeting-time';
import { PrintButton } from '@/components/ui/print-button';
import { buttonClass } from '@/components/ui/button';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex gap-2">
      <dt className="w-28 shrink-0 text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The cycle and meeting the outcome is of, its publication, the downloads and (pm/admin) publishing. */
export function OutcomeHeader({
  report,
  back,
  publish,
}: {
  report: OutcomeReport;
  back: { href: string; label: string };
  publish: React.ReactNode;
}) {
  const { cycle, meeting, published } = report;
  const exportHref = (format: 'csv' | 'xlsx' | 'md') => `/cycles/${cycle.id}/outcome/export?format=${format}`;
  return (
    <header className="space-y-3">
      <p className="text-sm print:hidden">
        <Link href={back.href}>← {back.label}</Link>
      </p>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h1 className="text-2xl font-semibold">{cycle.name} outcome</h1>
        <div className="flex flex-wrap gap-2 print:hidden">
          {/* Plain links: a download must not be prefetched or routed client-side. */}
          <a href={exportHref('csv')} download className={buttonClass('secondary')}>
            Download CSV
          </a>
          <a href={exportHref('xlsx')} download className={buttonClass('secondary')}>
            Download XLSX
          </a>
          <a href={exportHref('md')} download className={buttonClass('secondary')}>
            Download Markdown
          </a>
          <PrintButton />
          <Link href={`/cycles/${cycle.id}/schedule`} className={buttonClass('secondary')}>
            Delivery schedule
          </Link>
        </div>
      </div>
      <dl className="space-y-1 text-sm">
        <Row label="Meeting">{meeting.title}</Row>
        <Row label="Held">
          {meeting.startedAt ? <MeetingTime iso={meeting.startedAt} /> : <MeetingTime iso={meeting.scheduledAt} />}
          {meeting.endedAt && (
            <>
              {' '}
              — ended <LocalTime iso={meeting.endedAt} />
            </>
          )}
        </Row>
        <Row label="Facilitator">{meeting.facilitator || '—'}</Row>
        <Row label="Capacity">{personWeeks(cycle.capacityWeeks)}</Row>
        <Row label="Published">
          {published ? (
            <strong className="font-medium">
              Published on <LocalTime iso={published.at} /> by {published.by}
            </strong>
          ) : (
            <span className="text-amber-800 dark:text-amber-300">
              Not published yet: only the backlog&apos;s readers and the meeting&apos;s attendees can read it.
            </span>
          )}
        </Row>
      </dl>
      {publish}
    </header>
  );
}
