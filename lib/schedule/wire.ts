import type { ScheduleItem, ScheduleView } from './types';

/**
 * The schedule as the page sends it to the browser (docs/decisions/0005): 2,000 items as objects
 * would repeat every key and every person's name 2,000 times, so items travel as tuples and names
 * once, in lookup tables. Pure (client-safe); `unpackSchedule` gives back the rows in rank order.
 */

type ItemTuple = [
  id: number,
  title: string,
  status: ScheduleItem['status'],
  themeId: number | null,
  weeks: number | null,
  requestorId: number,
  sponsorId: number | null,
  periodId: number | null,
  ownerId: number | null,
  kickoffOn: string | null,
  entryVersion: number,
  openFlags: number,
  actualWeeks: number | null,
];

export type ScheduleWire = Omit<ScheduleView, 'items'> & {
  items: ItemTuple[];
  people: Record<number, string>;
  themes: Record<number, string>;
};

/** One schedule row on the client: an item without its rank key, with its 1-based place instead. */
export type ScheduleRow = Omit<ScheduleItem, 'rank'> & { position: number };

export function packSchedule({ items, ...rest }: ScheduleView): ScheduleWire {
  const people: Record<number, string> = {};
  const themes: Record<number, string> = {};
  const tuples = items.map((i): ItemTuple => {
    people[i.requestorId] = i.requestor;
    if (i.sponsorId !== null) people[i.sponsorId] = i.sponsor ?? '';
    if (i.ownerId !== null) people[i.ownerId] = i.owner ?? '';
    if (i.themeId !== null) themes[i.themeId] = i.theme ?? '';
    return [
      i.id,
      i.title,
      i.status,
      i.themeId,
      i.weeks,
      i.requestorId,
      i.sponsorId,
      i.periodId,
      i.ownerId,
      i.kickoffOn,
      i.entryVersion,
      i.openFlags,
      i.actualWeeks,
    ];
  });
  return { ...rest, items: tuples, people, themes };
}

export function unpackSchedule(wire: ScheduleWire): Omit<ScheduleView, 'items'> & { items: ScheduleRow[] } {
  const { items, people, themes, ...rest } = wire;
  const name = (id: number | null) => (id === null ? null : (people[id] ?? null));
  return {
    ...rest,
    items: items.map(
      (
        [
          id,
          title,
          status,
          themeId,
          weeks,
          requestorId,
          sponsorId,
          periodId,
          ownerId,
          kickoffOn,
          entryVersion,
          openFlags,
          actualWeeks,
        ],
        i,
      ) => ({
        id,
        title,
        status,
        themeId,
        theme: themeId === null ? null : (themes[themeId] ?? null),
        weeks,
        requestorId,
        requestor: people[requestorId] ?? '',
        sponsorId,
        sponsor: name(sponsorId),
        periodId,
        ownerId,
        owner: name(ownerId),
        kickoffOn,
        entryVersion,
        openFlags,
        actualWeeks,
        position: i + 1,
      }),
    ),
  };
}
