import { describe, expect, it } from 'vitest';
import { keepModulesTogether } from './keep-together';

type I = { id: number; first: number | null };
const order = (items: I[]) => keepModulesTogether(items, (i) => i.first).map((i) => i.id);

describe('keepModulesTogether', () => {
  it('brings items sharing their first module next to the first of them, keeping their relative order', () => {
    const items: I[] = [
      { id: 1, first: 10 },
      { id: 2, first: 20 },
      { id: 3, first: null },
      { id: 4, first: 10 },
      { id: 5, first: 20 },
      { id: 6, first: 10 },
    ];
    expect(order(items)).toEqual([1, 4, 6, 2, 5, 3]);
  });

  it('is stable: an order already together, or one without modules, stays as it is, and twice is once', () => {
    const together: I[] = [
      { id: 3, first: 20 },
      { id: 1, first: 20 },
      { id: 2, first: 10 },
    ];
    expect(order(together)).toEqual([3, 1, 2]);
    const none: I[] = [3, 1, 2].map((id) => ({ id, first: null }));
    expect(order(none)).toEqual([3, 1, 2]);
    const mixed: I[] = [
      { id: 1, first: 10 },
      { id: 2, first: null },
      { id: 3, first: 10 },
    ];
    const once = keepModulesTogether(mixed, (i) => i.first);
    expect(keepModulesTogether(once, (i) => i.first)).toEqual(once);
    expect(once.map((i) => i.id)).toEqual([1, 3, 2]);
    expect(order([])).toEqual([]);
  });
});
