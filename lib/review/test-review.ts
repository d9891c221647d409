import { eq } from 'drizzle-orm';
import { makeCycle, makeDepartment, makeItem, makeTheme } from '@/db/factories';
import { cycles, items, themes, type ItemStatus, type Kind } from '@/db/schema';
import { db, userWithRole } from '@/lib/testing/db';
import { publishedCut, recordDelivery } from './test-deliveries';

/**
 * A published cycle to review (capacity 20, non-functional target 25 %): Growth (conversion 2 → 3 %)
 * and Reliability (churn 5 → 3 %, meant to fall). `shipped` (Growth, M = 3 weeks, 4 actual) and
 * `debt` (Reliability, tech debt, 2 weeks, 1 actual) are delivered; `beta` (Growth, 5 weeks) has a
 * milestone only; `undone` (no theme, 1 week) had its final delivery undone; `below` (6 weeks) was
 * accepted below the published cut line.
 */
export async function reviewedCycle() {
  const department = await makeDepartment(db);
  const pm = await userWithRole('pm');
  const requestor = await userWithRole('requestor', { departmentId: department.id });
  const cycle = await makeCycle(db, { status: 'published', capacityWeeks: 20, nfrTargetPercent: 25 });
  const growth = await makeTheme(db, cycle.id, { name: 'Growth' });
  const reliability = await makeTheme(db, cycle.id, { name: 'Reliability' });
  await db
    .update(themes)
    .set({ metricName: 'Checkout conversion', metricUnit: '%', metricBaseline: 2, metricTarget: 3 })
    .where(eq(themes.id, growth.id));
  await db
    .update(themes)
    .set({ metricName: 'Churn', metricUnit: '%', metricBaseline: 5, metricTarget: 3 })
    .where(eq(themes.id, reliability.id));
  const make = (title: string, status: ItemStatus, over: { kind?: Kind; themeId?: number | null } = {}) =>
    makeItem(db, {
      title,
      cycleId: cycle.id,
      requestorId: requestor.id,
      departmentId: department.id,
      status,
      themeId: over.themeId === undefined ? growth.id : over.themeId,
      kind: over.kind ?? 'feature',
    });
  const shipped = await make('Annual plans', 'delivered');
  const debt = await make('Retire the old queue', 'delivered', { kind: 'tech_debt', themeId: reliability.id });
  const beta = await make('Partner portal', 'in_delivery');
  const undone = await make('Invoice export', 'scheduled', { themeId: null });
  const below = await make('Dark mode', 'accepted');
  const set = (id: number, v: { estimateSize?: 'M'; estimateWeeks?: number; actualWeeks?: number }) =>
    db.update(items).set(v).where(eq(items.id, id));
  await set(shipped.id, { estimateSize: 'M', actualWeeks: 4 });
  await set(debt.id, { estimateWeeks: 2, actualWeeks: 1 });
  await set(beta.id, { estimateWeeks: 5 });
  await set(undone.id, { estimateWeeks: 1 });
  await set(below.id, { estimateWeeks: 6 });
  await recordDelivery(db, { itemId: shipped.id, kind: 'milestone', recordedBy: pm.id });
  await recordDelivery(db, { itemId: shipped.id, kind: 'final', recordedBy: pm.id });
  await recordDelivery(db, { itemId: debt.id, kind: 'final', recordedBy: pm.id });
  await recordDelivery(db, { itemId: beta.id, kind: 'milestone', recordedBy: pm.id });
  await recordDelivery(db, { itemId: undone.id, kind: 'final', recordedBy: pm.id, undone: true });
  await publishedCut(db, { cycleId: cycle.id, pmId: pm.id, belowCutItemIds: [below.id] });
  const next = await makeCycle(db, { status: 'planning' });
  return { pm, requestor, department, cycle, growth, reliability, shipped, debt, beta, undone, below, next };
}

export const closeDirectly = (cycleId: number) =>
  db.update(cycles).set({ status: 'closed' }).where(eq(cycles.id, cycleId));
