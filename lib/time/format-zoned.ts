/**
 * The one wording of a moment in time for people: in a given IANA zone, with that zone always named,
 * so a time is never ambiguous even when it is not in the reader's own zone ("27 Nov 2026, 14:00
 * Europe/Paris"). Pages pass the viewer's zone (their profile's, else the browser's); e-mails the
 * recipient's, else UTC. Pure, so client components can use it too.
 *
 * The zone is named by its IANA name rather than an abbreviation: Intl only knows abbreviations for a
 * few locales' zones (en-GB writes Tokyo as "GMT+9"), and "CST" means three different places.
 */

export type ZonedStyle =
  /** "Friday 27 November 2026, 14:00 Europe/Paris": a meeting's own time, where there is room. */
  | 'long'
  /** "27 Nov 2026, 14:00 Europe/Paris": lists, logs, tables. */
  | 'medium'
  /** "14:00 Europe/Paris": when the day is plain from the context. */
  | 'time';

const OPTIONS: Record<ZonedStyle, Intl.DateTimeFormatOptions> = {
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  medium: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  time: { hour: '2-digit', minute: '2-digit' },
};

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(style: ZonedStyle, timeZone: string): Intl.DateTimeFormat {
  const key = `${style} ${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { ...OPTIONS[style], hourCycle: 'h23', timeZone });
    formats.set(key, f);
  }
  return f;
}

const known = new Map<string, boolean>();

/**
 * The zone itself when the runtime knows it, else UTC: a zone saved before a runtime dropped it, or
 * a browser's odd answer, must not break a page.
 */
export function knownZone(zone: string | null | undefined): string {
  if (!zone) return 'UTC';
  let ok = known.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
    known.set(zone, ok);
  }
  return ok ? zone : 'UTC';
}

/** `at` (an ISO string, epoch ms or a Date) in `zone` (UTC when absent or unknown), the zone named. */
export function formatZoned(
  at: string | number | Date,
  zone: string | null | undefined,
  style: ZonedStyle = 'medium',
): string {
  const date = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(date.getTime())) return String(at);
  const timeZone = knownZone(zone);
  // Built from parts: en-GB's own pattern puts a comma after the weekday and "at" before the time.
  const p = Object.fromEntries(
    formatter(style, timeZone)
      .formatToParts(date)
      .map((x) => [x.type, x.value]),
  );
  const clock = `${p.hour}:${p.minute} ${timeZone}`;
  if (style === 'time') return clock;
  const day = `${p.day} ${p.month} ${p.year}`;
  return style === 'long' ? `${p.weekday} ${day}, ${clock}` : `${day}, ${clock}`;
}
