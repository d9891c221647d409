import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeCycle, type TestUser } from '@/db/factories';
import { themes } from '@/db/schema';
import { first } from '@/db/rows';
import { db, eventsOf, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { addTheme, updateTheme } from './themes.server';
import { formatMetric, withMetric } from './theme-metric';
import type { PrereadSnapshot } from '@/db/schema';
import { itemsByThemeLines } from '@/lib/meetings/preread-themes';
import { groupByTheme } from '@/lib/prereads/capacity';

let pm: TestUser;
beforeAll(async () => {
  pm = await userWithRole('pm');
});

const base = { name: 'Growth', keyOutcome: 'More people finish checkout' };

describe('a theme’s measurable key outcome', () => {
  it('saves name, unit, baseline and target from form strings, and logs a change of target', async () => {
    const cycle = await makeCycle(db);
    const theme = await addTheme(pm, cycle.id, {
      ...base,
      metricName: ' Checkout conversion ',
      metricUnit: '%',
      metricBaseline: '2.1',
      metricTarget: '3',
    });
    expect(theme).toMatchObject({
      metricName: 'Checkout conversion',
      metricUnit: '%',
      metricBaseline: 2.1,
      metricTarget: 3,
    });
    await updateTheme(pm, cycle.id, theme.id, {
      ...base,
      metricName: 'Checkout conversion',
      metricUnit: '%',
      metricBaseline: '2.1',
      metricTarget: '3.5',
    });
    expect(first(await db.select().from(themes).where(eq(themes.id, theme.id)))!.metricTarget).toBe(3.5);
    expect(await eventsOf('theme', theme.id)).toMatchObject([
      { type: 'theme.created', data: { after: { metricName: 'Checkout conversion', metricTarget: 3 } } },
      { type: 'theme.updated', data: { changes: { metricTarget: { from: 3, to: 3.5 } } } },
    ]);
  });

  it('leaves every part optional: empty fields store nothing', async () => {
    const cycle = await makeCycle(db);
    const theme = await addTheme(pm, cycle.id, {
      ...base,
      metricName: '',
      metricUnit: '',
      metricBaseline: '',
      metricTarget: '',
    });
    expect(theme).toMatchObject({ metricName: null, metricUnit: null, metricBaseline: null, metricTarget: null });
  });

  it.each([
    [
      'a baseline without a name',
      { metricBaseline: '2' },
      'metricName',
      'Metric name is required when the key outcome has a baseline.',
    ],
    [
      'a target and unit without a name',
      { metricTarget: '3', metricUnit: '%' },
      'metricName',
      'Metric name is required when the key outcome has a target or a unit.',
    ],
    [
      'a baseline that is not a number',
      { metricName: 'NPS', metricBaseline: 'two' },
      'metricBaseline',
      'Metric baseline must be a number, like 2.5 (or empty).',
    ],
    [
      'a target with a comma',
      { metricName: 'NPS', metricTarget: '2,5' },
      'metricTarget',
      'Metric target must be a number, like 2.5 (or empty).',
    ],
    [
      'a name on two lines',
      { metricName: 'NPS\nscore' },
      'metricName',
      'Metric name must be one line of plain text: no line breaks, control or invisible characters.',
    ],
    [
      'a unit too long',
      { metricName: 'NPS', metricUnit: 'x'.repeat(21) },
      'metricUnit',
      'Metric unit must be at most 20 characters.',
    ],
  ])('refuses %s, naming the field, and writes nothing', async (_what, metric, field, message) => {
    const cycle = await makeCycle(db);
    const error = await validationErrorOf(() => addTheme(pm, cycle.id, { ...base, ...metric }));
    expect(error.fieldErrors[field]).toEqual([message]);
    expect(await db.select().from(themes).where(eq(themes.cycleId, cycle.id))).toEqual([]);
  });
});

describe('formatMetric', () => {
  it('reads as the metric from baseline to target, with what is known', () => {
    const m = { metricName: 'Checkout conversion', metricUnit: '%', metricBaseline: 2.1, metricTarget: 3 };
    expect(formatMetric(m)).toBe('Checkout conversion: 2.1 % → 3 %');
    expect(formatMetric({ ...m, metricTarget: null })).toBe('Checkout conversion: from 2.1 %');
    expect(formatMetric({ ...m, metricBaseline: null })).toBe('Checkout conversion: target 3 %');
    expect(formatMetric({ metricName: 'Incidents', metricUnit: null, metricBaseline: 12, metricTarget: 4 })).toBe(
      'Incidents: 12 → 4',
    );
    expect(formatMetric({ metricName: null, metricUnit: '%', metricBaseline: 1, metricTarget: 2 })).toBeNull();
  });
});

describe('the pre-read’s key outcome metric', () => {
  it('shows the metric beside the key outcome when the snapshot has one, and nothing more when not', () => {
    const item = (id: number, themeId: number): PrereadSnapshot['items'][number] => ({
      id,
      title: `Item ${id}`,
      description: '',
      businessBenefit: '',
      estimate: '3 pw',
      effectiveWeeks: 3,
      sme: '',
      sponsor: null,
      requestor: 'Rosa',
      department: 'Sales',
      kind: 'feature',
      modules: [],
      themeId,
      theme: null,
      version: 1,
    });
    const snapshot: PrereadSnapshot = {
      meeting: { title: 'Q', scheduledAt: '2027-01-01T09:00:00Z', durationMinutes: 60, location: '', facilitator: 'P' },
      cycle: { id: 1, name: 'Q', capacityWeeks: 10 },
      themes: [
        withMetric({ id: 1, name: 'Growth', keyOutcome: 'More sales' }, 'Checkout conversion: 2.1 % → 3 %'),
        withMetric({ id: 2, name: 'Reliability', keyOutcome: 'Fewer incidents' }, null),
      ],
      items: [item(1, 1), item(2, 2)],
    };
    expect(itemsByThemeLines(snapshot).filter((l) => !l.startsWith('•'))).toEqual([
      'Growth — key outcome: More sales (measured by Checkout conversion: 2.1 % → 3 %) (1)',
      'Reliability — key outcome: Fewer incidents (1)',
    ]);
    expect(groupByTheme(snapshot, snapshot.items).map((s) => s.metric)).toEqual([
      'Checkout conversion: 2.1 % → 3 %',
      undefined,
    ]);
  });
});
