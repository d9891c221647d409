/**
 * Aggregating the leaders' own orders of the accepted items. Pure, for the server's projection and
 * its tests.
 *
 * Borda count: with n items, an item gets n−1 points for a first place, n−2 for a second … 0 for
 * last; the aggregate orders items by total points. A ballot may be partial (an item accepted after
 * the leader submitted): its items are ranked among themselves, keeping n−1 points for a first
 * place, and the items it lacks share the points of the places left, each getting their mean —
 * so a late item neither wins nor loses by not being on the ballot.
 *
 * Spread: how much leaders disagree on an item — the range (worst minus best position) and the
 * standard deviation of the positions the leaders who ranked it gave it. Ties on points go to the
 * better mean position, then to the current order, so the aggregate is deterministic.
 */

export type Ballot = {
  userId: number;
  departmentId: number;
  departmentName: string;
  /** Item ids, first choice first. */
  order: readonly number[];
};

export type ItemScore = {
  itemId: number;
  points: number;
  /** Mean 1-based position over the ballots that ranked the item; null when none did. */
  meanPosition: number | null;
  /** Worst minus best position; 0 with one ranking, null with none. */
  range: number | null;
  /** Population standard deviation of the positions; null with none. */
  stdDev: number | null;
  /** How many ballots ranked the item. */
  rankedBy: number;
};

export type DepartmentScores = {
  departmentId: number;
  departmentName: string;
  ballots: number;
  /** Same order as the overall aggregate's items. */
  scores: ItemScore[];
};

export type Aggregate = {
  ballots: number;
  /** Items in aggregate order, best first. */
  items: ItemScore[];
  byDepartment: DepartmentScores[];
};

const round = (x: number) => Math.round(x * 100) / 100;

/** Scores every id of `itemIds` (the current order, used to break ties) over `ballots`. */
function scores(itemIds: readonly number[], ballots: readonly Ballot[]): Map<number, ItemScore> {
  const n = itemIds.length;
  const known = new Set(itemIds);
  const points = new Map(itemIds.map((id) => [id, 0]));
  const positions = new Map<number, number[]>(itemIds.map((id) => [id, []]));
  for (const ballot of ballots) {
    // Only the items still to be ranked, each once, in the leader's order.
    const order = [...new Set(ballot.order.filter((id) => known.has(id)))];
    order.forEach((id, index) => {
      points.set(id, points.get(id)! + (n - 1 - index));
      positions.get(id)!.push(index + 1);
    });
    const missing = itemIds.filter((id) => !order.includes(id));
    // Places k+1..n are worth n−k−1 … 0 points: their mean is (n−k−1)/2.
    const share = (n - order.length - 1) / 2;
    for (const id of missing) points.set(id, points.get(id)! + share);
  }
  return new Map(
    itemIds.map((id) => {
      const given = positions.get(id)!;
      const mean = given.length ? given.reduce((a, b) => a + b, 0) / given.length : null;
      const variance = mean === null ? null : given.reduce((sum, p) => sum + (p - mean) ** 2, 0) / given.length;
      return [
        id,
        {
          itemId: id,
          points: round(points.get(id)!),
          meanPosition: mean === null ? null : round(mean),
          range: given.length ? Math.max(...given) - Math.min(...given) : null,
          stdDev: variance === null ? null : round(Math.sqrt(variance)),
          rankedBy: given.length,
        },
      ];
    }),
  );
}

/**
 * The Borda aggregate of `ballots` over the items `currentOrder` (the live ranking, best first),
 * overall and per department (departments by name). Ids on a ballot that are not in
 * `currentOrder` (an item since rejected) are ignored.
 */
export function bordaAggregate(currentOrder: readonly number[], ballots: readonly Ballot[]): Aggregate {
  const overall = scores(currentOrder, ballots);
  const place = new Map(currentOrder.map((id, i) => [id, i]));
  const items = [...overall.values()].sort(
    (a, b) =>
      b.points - a.points ||
      (a.meanPosition ?? Infinity) - (b.meanPosition ?? Infinity) ||
      place.get(a.itemId)! - place.get(b.itemId)!,
  );
  const departments = new Map<number, { name: string; ballots: Ballot[] }>();
  for (const ballot of ballots) {
    const entry = departments.get(ballot.departmentId) ?? { name: ballot.departmentName, ballots: [] };
    entry.ballots.push(ballot);
    departments.set(ballot.departmentId, entry);
  }
  const byDepartment = [...departments.entries()]
    .map(([departmentId, { name, ballots: own }]) => {
      const s = scores(currentOrder, own);
      return {
        departmentId,
        departmentName: name,
        ballots: own.length,
        scores: items.map((i) => s.get(i.itemId)!),
      };
    })
    .sort((a, b) => a.departmentName.localeCompare(b.departmentName) || a.departmentId - b.departmentId);
  return { ballots: ballots.length, items, byDepartment };
}
