import { z } from 'zod';
import { DECISION_OUTCOMES } from '@/db/schema/live';
import { ATTENDEE_ROLES, MEETING_KINDS, MEETING_STATUSES } from '@/db/schema/meetings';
import { jsonId } from '@/lib/validation';
import { Coded, Ref, textId } from './schemas';

/** Requests, meetings, outcomes and schedules as the REST API shows them (see schemas.ts). */

export const RequestSummary = z
  .object({
    id: z.number().int(),
    title: z.string(),
    status: Coded,
    decisionReason: z.string().nullable(),
    cycleName: z.string().nullable(),
    requestorName: z.string(),
    departmentName: z.string().nullable().meta({ description: 'Given in the triage view.' }),
    createdAt: z.string(),
  })
  .meta({ id: 'RequestSummary', description: 'GET /requests/{id} has every field, with ids.' });

export const RequestsQuery = z.object({
  view: z
    .enum(['mine', 'triage'], { error: 'view must be mine or triage.' })
    .optional()
    .meta({ description: 'mine (default): your own requests; triage: new requests waiting (pm, admin).' }),
});

export const RequestCreateBody = z
  .object({
    title: z.string().max(200),
    description: z.string().max(10_000),
    businessBenefit: z.string().max(5_000).optional(),
    sponsorSuggestion: z.string().max(200).optional(),
    departmentId: jsonId('departmentId').optional().meta({ description: 'Default: the token owner’s department.' }),
  })
  .meta({ id: 'RequestCreate' });

export const MeetingsQuery = z.object({ cycleId: textId('cycleId') });

const meetingFields = {
  id: z.number().int(),
  title: z.string(),
  kind: z.enum(MEETING_KINDS),
  status: z.enum(MEETING_STATUSES),
  scheduledAt: z.string(),
  durationMinutes: z.number().int(),
  location: z.string(),
  cycle: Ref,
};

export const MeetingSummary = z
  .object({ ...meetingFields, agendaCount: z.number().int(), attendeeCount: z.number().int() })
  .meta({ id: 'MeetingSummary' });

export const MeetingSchema = z
  .object({
    ...meetingFields,
    startedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    facilitator: Ref,
    attendees: z.array(z.object({ person: Ref, department: Ref, role: z.enum(ATTENDEE_ROLES) })),
    agenda: z.array(
      z.object({
        item: Ref.meta({ description: 'The item (name: its title).' }),
        status: Coded,
        theme: Ref.nullable(),
        department: Ref,
        weeks: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'Meeting' });

export const DecisionSchema = z
  .object({
    item: Ref.meta({ description: 'The item (name: its title).' }),
    outcome: z.enum(DECISION_OUTCOMES),
    reason: z.string(),
    notes: z.string(),
    suggested: z.enum(DECISION_OUTCOMES).nullable().meta({ description: 'What the tally suggested.' }),
    decidedBy: Ref,
    decidedAt: z.string(),
  })
  .meta({ id: 'Decision' });

export const OutcomeSchema = z
  .object({
    state: z.enum(['none', 'ready']).meta({ description: 'none: no meeting of the cycle has ended yet.' }),
    cycle: Ref,
    meeting: z.object({ id: z.number().int(), title: z.string(), endedAt: z.string().nullable() }).nullable(),
    published: z.object({ at: z.string(), by: z.string() }).nullable(),
    decisions: z.array(
      z.object({
        item: Ref,
        theme: z.string().nullable(),
        requestor: z.string(),
        weeks: z.number().nullable(),
        outcome: z.enum(DECISION_OUTCOMES),
        reason: z.string(),
        position: z.number().int().nullable().meta({ description: 'Place in the ranking (accepted items).' }),
        aboveCut: z.boolean().nullable(),
      }),
    ),
    undecided: z.array(Ref),
  })
  .meta({ id: 'Outcome', description: 'Unpublished outcomes are private: 403 for those who may not read them.' });

export const ScheduleSchema = z
  .object({
    cycle: Ref,
    lastPublication: z.object({ at: z.string(), by: z.string() }).nullable(),
    periods: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        startsOn: z.string(),
        endsOn: z.string(),
        capacityWeeks: z.number(),
        load: z.number(),
      }),
    ),
    items: z.array(
      z.object({
        item: Ref.meta({ description: 'The item (name: its title).' }),
        status: Coded,
        theme: Ref.nullable(),
        weeks: z.number().nullable(),
        requestor: Ref,
        sponsor: Ref.nullable(),
        period: Ref.nullable(),
        owner: Ref.nullable(),
        kickoffOn: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Schedule', description: 'Before publication only backlog roles may read it (403).' });
