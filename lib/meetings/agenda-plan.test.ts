import { describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { agendaItems, consentAgendaItems } from '@/db/schema';
import { ForbiddenError } from '@/lib/errors';
import { db, eventsOf, validationErrorOf } from '@/lib/testing/db';
import { startMeeting } from '@/lib/live-meeting/session.server';
import { getAgendaEditor } from './agenda.server';
import { saveAgendaPlan, TIME_BOX_MESSAGE, timeBoxFields } from './agenda-plan.server';
import { meetingRowCounts, plannedMeeting } from './test-helpers';

const boxesOf = async (meetingId: number) =>
  (
    await db
      .select({ itemId: agendaItems.itemId, minutes: agendaItems.timeBoxMinutes })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingId))
      .orderBy(asc(agendaItems.position))
  ).map((r) => [r.itemId, r.minutes]);

const consentOf = async (meetingId: number) =>
  (await db.select().from(consentAgendaItems).where(eq(consentAgendaItems.meetingId, meetingId)))
    .map((r) => r.itemId)
    .sort();

describe('saveAgendaPlan', () => {
  it('saves the order, time boxes and consent agenda together; boxes survive a reorder; items taken off leave the block', async () => {
    const { pm, meeting, items } = await plannedMeeting({ items: 3 });
    const [a, b, c] = items.map((i) => i.id);
    const form = { itemId: [String(a), String(b), String(c)], [`timeBox_${a}`]: '20', [`timeBox_${b}`]: '' };
    await saveAgendaPlan(pm, meeting.id, {
      itemIds: form.itemId,
      consent: [String(b), String(c)],
      timeBoxes: timeBoxFields(form),
    });
    expect(await boxesOf(meeting.id)).toEqual([
      [a, 20],
      [b, null],
      [c, null],
    ]);
    expect(await consentOf(meeting.id)).toEqual([b, c].sort());
    const types = (await eventsOf('meeting', meeting.id)).map((e) => e.type);
    expect(types).toContain('meeting.time_boxes_set');
    expect(types).toContain('meeting.consent_agenda_set');

    await saveAgendaPlan(pm, meeting.id, { itemIds: [c, a], consent: [c], timeBoxes: { [a]: 20, [c]: 15 } });
    expect(await boxesOf(meeting.id)).toEqual([
      [c, 15],
      [a, 20],
    ]);
    expect(await consentOf(meeting.id)).toEqual([c]);
    const editor = await getAgendaEditor(pm, meeting.id);
    expect(editor).toMatchObject({
      durationMinutes: 90,
      consent: [c],
      consentEditable: true,
      timeBoxes: { [a]: 20, [c]: 15 },
    });
  });

  it('refuses a bad time box naming its field, a consent item off the agenda, and a leader, writing nothing', async () => {
    const { pm, meeting, items, leaders } = await plannedMeeting({ items: 2 });
    const [a, b] = items.map((i) => i.id);
    const before = { counts: await meetingRowCounts(), boxes: await boxesOf(meeting.id) };
    for (const bad of ['0', '-5', '2.5', '481', 'ten', '1e2']) {
      const error = await validationErrorOf(() =>
        saveAgendaPlan(pm, meeting.id, { itemIds: [b, a], consent: [], timeBoxes: { [a]: bad } }),
      );
      expect(error.fieldErrors).toEqual({ [`timeBox_${a}`]: [TIME_BOX_MESSAGE] });
    }
    const stray = await validationErrorOf(() =>
      saveAgendaPlan(pm, meeting.id, { itemIds: [a], consent: [b], timeBoxes: {} }),
    );
    expect(stray.fieldErrors.consent).toEqual(['Only items on the agenda can go on the consent agenda.']);
    const junk = await validationErrorOf(() =>
      saveAgendaPlan(pm, meeting.id, { itemIds: [a], consent: ['x'], timeBoxes: {} }),
    );
    expect(Object.keys(junk.fieldErrors)).toEqual(['consent']);
    await expect(saveAgendaPlan(leaders[0], meeting.id, { itemIds: [a], consent: [], timeBoxes: {} })).rejects.toThrow(
      ForbiddenError,
    );
    expect({ counts: await meetingRowCounts(), boxes: await boxesOf(meeting.id) }).toEqual(before);
    expect(await consentOf(meeting.id)).toEqual([]);
  });

  it('leaves the consent agenda as the room has it once the meeting has started', async () => {
    const { pm, meeting, items } = await plannedMeeting({ items: 2 });
    const [a, b] = items.map((i) => i.id);
    await saveAgendaPlan(pm, meeting.id, { itemIds: [a, b], consent: [b], timeBoxes: {} });
    await startMeeting(pm, meeting.id, { votesVisibility: 'live', weighted: false, confirm: ['no_preread', 'early'] });
    const saved = await saveAgendaPlan(pm, meeting.id, { itemIds: [a, b], consent: [], timeBoxes: { [a]: 30 } });
    expect(saved.consent).toEqual([b]);
    expect(await consentOf(meeting.id)).toEqual([b]);
    expect(await boxesOf(meeting.id)).toEqual([
      [a, 30],
      [b, null],
    ]);
  });
});
