import { describe, expect, it } from 'vitest';
import { orderSrvRecords, type SrvRecord } from '../../../electron/engine/discover/srv.ts';

const record = (name: string, priority: number, weight: number, port = 993): SrvRecord => ({
  name,
  priority,
  weight,
  port,
});

describe('orderSrvRecords', () => {
  it('orders by priority first, whatever the weights', () => {
    const ordered = orderSrvRecords([
      record('c', 20, 100),
      record('a', 0, 0),
      record('b', 10, 1000),
    ]);
    expect(ordered.map((r) => r.name)).toEqual(['a', 'b', 'c']);
  });

  it('drops "." targets (service not offered)', () => {
    expect(orderSrvRecords([record('.', 0, 0)])).toEqual([]);
    expect(orderSrvRecords([record('.', 0, 0), record('mail', 5, 0)]).map((r) => r.name)).toEqual([
      'mail',
    ]);
  });

  it('selects by weight within a priority (deterministic random)', () => {
    const records = [record('light', 1, 10), record('heavy', 1, 90)];
    // threshold = r * 101: 0.05 -> 5.05 falls in 'light' (0..10); 0.5 -> 50.5 falls in 'heavy'.
    expect(orderSrvRecords(records, () => 0.05).map((r) => r.name)).toEqual(['light', 'heavy']);
    expect(orderSrvRecords(records, () => 0.5).map((r) => r.name)).toEqual(['heavy', 'light']);
  });

  it('picks heavier records more often (statistically)', () => {
    let heavyFirst = 0;
    for (let i = 0; i < 2000; i++) {
      const first = orderSrvRecords([record('light', 1, 10), record('heavy', 1, 90)])[0];
      if (first?.name === 'heavy') heavyFirst++;
    }
    expect(heavyFirst).toBeGreaterThan(1500);
    expect(heavyFirst).toBeLessThan(1950);
  });
});
