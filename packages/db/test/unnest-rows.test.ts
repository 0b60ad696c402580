import { describe, expect, it } from 'vitest';
import { unnestFrom, unnestValues, type UnnestColumn } from '../src/unnest-rows';
import { freshDatabase } from './support/fresh-database';

const { pool } = await freshDatabase();

interface Row {
  id: string;
  time: Date;
  count: number;
  cost: bigint;
  flag: boolean;
  note: string | null;
}

const COLUMNS: Array<UnnestColumn<Row>> = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'time', type: 'timestamptz', value: (r) => r.time },
  { name: 'count', type: 'int', value: (r) => r.count },
  { name: 'cost', type: 'bigint', value: (r) => r.cost },
  { name: 'flag', type: 'bool', value: (r) => r.flag },
  { name: 'note', type: 'text', value: (r) => r.note },
];

/** Texts an array literal treats specially, unquoted or quoted. */
const AWKWARD = ['', 'NULL', 'null', ' padded ', 'a,b', '{braces}', 'say "hi"', 'back\\slash', '\\"', 'line\nbreak\ttab', 'émoji 🚀', '{"json": [1, "two"]}'];

describe('rows as unnest arrays', () => {
  it('reads back every row exactly as written: awkward texts, NULLs, times to the millisecond, big integers', async () => {
    const rows: Row[] = AWKWARD.map((note, i) => ({
      id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
      time: new Date(Date.UTC(2026, 11, 1, 12, 0, 0, i * 37)),
      count: i - 3,
      cost: 9_007_199_254_740_993n * BigInt(i % 2 ? -1 : 1),
      flag: i % 2 === 0,
      note,
    }));
    rows.push({ ...rows[0]!, id: '00000000-0000-7000-8000-999999999999', note: null });
    const { rows: back } = await pool.query<{ id: string; time: Date; count: number; cost: string; flag: boolean; note: string | null }>(
      `select * from ${unnestFrom(COLUMNS, 't')}`,
      unnestValues(COLUMNS, rows),
    );
    expect(back.map((r) => ({ ...r, cost: BigInt(r.cost) }))).toEqual(rows);
  });

  it('answers no rows for no rows', async () => {
    const { rows } = await pool.query(`select * from ${unnestFrom(COLUMNS, 't')}`, unnestValues(COLUMNS, []));
    expect(rows).toEqual([]);
  });

  it('numbers the parameters from the given one', () => {
    expect(unnestFrom(COLUMNS.slice(0, 2), 'x', 3)).toBe('unnest($3::uuid[], $4::timestamptz[]) as x(id, time)');
  });
});
