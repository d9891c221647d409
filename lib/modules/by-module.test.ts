import { describe, expect, it } from 'vitest';
import { groupByModule, NO_MODULE, type ModuleViewItem } from './by-module';

const payments = { id: 1, name: 'payments' };
const reporting = { id: 2, name: 'reporting' };
const auth = { id: 3, name: 'auth' };
const item = (id: number, weeks: number | null, modules: ModuleViewItem['modules']): ModuleViewItem => ({
  id,
  title: `Item ${id}`,
  status: 'curated',
  kind: 'feature',
  effectiveWeeks: weeks,
  modules,
});

describe('groupByModule', () => {
  it('lists a multi-module item under each module, says where else it is, and totals each module', () => {
    const groups = groupByModule([
      item(1, 3, [payments, reporting]),
      item(2, null, [payments]),
      item(3, 2, [reporting]),
      item(4, 1, []),
      item(5, null, []),
      item(6, 0.5, [auth]),
    ]);
    expect(groups.map((g) => [g.name, g.items.map((i) => i.id), g.totalWeeks, g.unestimated])).toEqual([
      ['auth', [6], 0.5, 0],
      ['payments', [1, 2], 3, 1],
      ['reporting', [1, 3], 5, 0],
      [NO_MODULE, [4, 5], 1, 1],
    ]);
    expect(groups[1].items[0].alsoIn).toEqual(['reporting']);
    expect(groups[2].items[0].alsoIn).toEqual(['payments']);
    expect(groups[2].items[1].alsoIn).toEqual([]);
    expect(groups[3].moduleId).toBeNull();
  });

  it('has no groups without items, and no "No module" group when every item has a module', () => {
    expect(groupByModule([])).toEqual([]);
    expect(groupByModule([item(1, 1, [payments])]).map((g) => g.name)).toEqual(['payments']);
  });
});
