import { describe, expect, it } from 'vitest';
import { timeOrderedId } from '../src/ids';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const timeOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('time-ordered ids', () => {
  it('are version 7 UUIDs holding their millisecond, from the first to the last one 48 bits hold', () => {
    for (const ms of [0, 1, Date.UTC(2026, 11, 1), 2 ** 48 - 1]) {
      const id = timeOrderedId(ms);
      expect(id).toMatch(V7);
      expect(timeOf(id)).toBe(ms);
    }
  });

  it('sort by time, and differ within a millisecond', () => {
    const ids = [1_000, 1_000, 1_001, 70_000, 2 ** 40].map((ms) => timeOrderedId(ms));
    expect([...ids.slice(2)].sort()).toEqual(ids.slice(2));
    expect(ids[0]! < ids[2]!).toBe(true);
    expect(new Set(Array.from({ length: 10_000 }, () => timeOrderedId(5)).concat(ids)).size).toBe(10_000 + ids.length);
  });
});
