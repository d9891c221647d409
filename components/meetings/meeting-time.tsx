'use client';
import { formatDuration, formatMeetingTime } from '@/lib/meetings/format';
import { useTimeZone } from './use-time-zone';

/**
 * A meeting time in the viewer's time zone, with the zone named ("Thursday 14 January 2027,
 * 16:00 Europe/Berlin"), and its length when given. Until the browser's zone is known it states
 * UTC, so the text is never ambiguous, only in another zone.
 */
export function MeetingTime({
  iso,
  durationMinutes,
  className,
}: {
  iso: string;
  durationMinutes?: number;
  className?: string;
}) {
  const zone = useTimeZone();
  return (
    <time dateTime={iso} className={className}>
      {formatMeetingTime(iso, zone ?? 'UTC')}
      {durationMinutes ? ` (${formatDuration(durationMinutes)})` : ''}
    </time>
  );
}
