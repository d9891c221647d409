/**
 * Department balance of a meeting: who is in the room, and whether one department dominates the
 * vote. Pure (no I/O), so the attendee picker recomputes the warnings live as boxes are ticked.
 */

export type BalanceAttendee = { departmentId: number; departmentName: string; role: 'voter' | 'observer' };

export type DepartmentWarning = {
  kind: 'no-attendee' | 'dominant';
  department: { id: number; name: string };
  message: string;
};

const percent = (part: number, whole: number) => Math.round((part / whole) * 100);

/**
 * Warns when a department with items on the agenda sends nobody (voter or observer), and when a
 * department holds more than `maxShare` of the voters. Observers do not vote, so they count for
 * presence but not for dominance. Sorted: missing departments first, then by name.
 */
export function departmentWarnings(input: {
  attendees: BalanceAttendee[];
  agendaDepartments: { id: number; name: string }[];
  maxShare: number;
}): DepartmentWarning[] {
  const present = new Set(input.attendees.map((a) => a.departmentId));
  const missing: DepartmentWarning[] = [];
  const seen = new Set<number>();
  for (const d of [...input.agendaDepartments].sort((a, b) => a.name.localeCompare(b.name))) {
    if (present.has(d.id) || seen.has(d.id)) continue;
    seen.add(d.id);
    missing.push({ kind: 'no-attendee', department: d, message: `${d.name} has items on the agenda but no attendee.` });
  }

  const voters = input.attendees.filter((a) => a.role === 'voter');
  const votes = new Map<number, { name: string; count: number }>();
  for (const v of voters) {
    const entry = votes.get(v.departmentId) ?? { name: v.departmentName, count: 0 };
    entry.count += 1;
    votes.set(v.departmentId, entry);
  }
  const maxPercent = percent(input.maxShare, 1);
  const dominant: DepartmentWarning[] = [...votes.entries()]
    // Compared as counts, not rounded percentages: 2 of 5 is exactly 40% and does not exceed 40%
    // (the epsilon absorbs float error such as 0.3 * 10 = 3.0000000000000004).
    .filter(([, v]) => v.count - input.maxShare * voters.length > 1e-9)
    .sort((a, b) => a[1].name.localeCompare(b[1].name))
    .map(([id, v]) => ({
      kind: 'dominant' as const,
      department: { id, name: v.name },
      message: `${v.name} holds ${v.count} of ${voters.length} vote${voters.length === 1 ? '' : 's'} (${percent(v.count, voters.length)}%), more than ${maxPercent}%.`,
    }));
  return [...missing, ...dominant];
}

/**
 * What the planner says when `departmentWarnings` has nothing to warn about: "Balanced" only once
 * somebody votes, since a meeting without voters is not balanced, just empty.
 */
export function balanceNote(attendees: BalanceAttendee[], maxShare: number): string {
  if (attendees.length === 0) return 'No attendees yet: tick who attends to see the department balance.';
  if (!attendees.some((a) => a.role === 'voter'))
    return 'No voters yet: only observers are ticked, so nobody can vote on the agenda.';
  return `Balanced: every department with items on the agenda attends, and none holds more than ${percent(maxShare, 1)}% of the votes.`;
}

export type DepartmentGroup<P> = {
  departmentId: number;
  departmentName: string;
  people: P[];
  voters: number;
  observers: number;
};

/** People grouped by department, departments and people sorted by name, with voter/observer counts. */
export function attendeesByDepartment<P extends BalanceAttendee & { name: string }>(people: P[]): DepartmentGroup<P>[] {
  const groups = new Map<number, DepartmentGroup<P>>();
  for (const p of people) {
    const g = groups.get(p.departmentId) ?? {
      departmentId: p.departmentId,
      departmentName: p.departmentName,
      people: [],
      voters: 0,
      observers: 0,
    };
    g.people.push(p);
    if (p.role === 'voter') g.voters += 1;
    else g.observers += 1;
    groups.set(p.departmentId, g);
  }
  return [...groups.values()]
    .sort((a, b) => a.departmentName.localeCompare(b.departmentName))
    .map((g) => ({ ...g, people: [...g.people].sort((a, b) => a.name.localeCompare(b.name)) }));
}
