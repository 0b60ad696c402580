import { describe, expect, it } from 'vitest';
import {
  canonicalTimeZone,
  DomainError,
  instantOfWall,
  offsetAt,
  parseTimeZone,
  wholeDaysWithin,
  windowStartOf,
  zonedDayOf,
  zonedWindows,
  type UsageWindow,
} from '../src';

const now = new Date('2026-11-20T12:00:00Z');
/** The boundaries of a range as ISO strings: every expectation below is computed by hand from the zone's offsets. */
const bounds = (window: UsageWindow | null, timeZone: string, from: string, to: string) =>
  zonedWindows({ window, timeZone, from: new Date(from), to: new Date(to), now }).boundaries.map((d) => d.toISOString().replace(':00.000Z', 'Z'));
const hours = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 3_600_000;
const fieldOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}:${error.details?.field}`;
    throw error;
  }
  return 'OK';
};

describe('day windows follow the zone calendar', () => {
  it('Asia/Kolkata (+05:30): days start at 18:30 UTC the evening before', () => {
    expect(bounds('DAY', 'Asia/Kolkata', '2026-03-01T18:30:00Z', '2026-03-04T18:30:00Z')).toEqual([
      '2026-03-01T18:30Z',
      '2026-03-02T18:30Z',
      '2026-03-03T18:30Z',
      '2026-03-04T18:30Z',
    ]);
  });

  it('Asia/Kathmandu (+05:45): days start at 18:15 UTC; a range off the calendar is cut at its ends', () => {
    expect(bounds('DAY', 'Asia/Kathmandu', '2026-03-02T00:00:00Z', '2026-03-04T00:00:00Z')).toEqual([
      '2026-03-02T00:00Z',
      '2026-03-02T18:15Z',
      '2026-03-03T18:15Z',
      '2026-03-04T00:00Z',
    ]);
  });

  it('America/New_York: 8 March 2026 has 23 hours, 1 November 2026 has 25', () => {
    const spring = bounds('DAY', 'America/New_York', '2026-03-07T05:00:00Z', '2026-03-10T04:00:00Z');
    expect(spring).toEqual(['2026-03-07T05:00Z', '2026-03-08T05:00Z', '2026-03-09T04:00Z', '2026-03-10T04:00Z']);
    expect(hours(spring[1]!, spring[2]!)).toBe(23);
    const fall = bounds('DAY', 'America/New_York', '2026-10-31T04:00:00Z', '2026-11-03T05:00:00Z');
    expect(fall).toEqual(['2026-10-31T04:00Z', '2026-11-01T04:00Z', '2026-11-02T05:00Z', '2026-11-03T05:00Z']);
    expect(hours(fall[1]!, fall[2]!)).toBe(25);
  });

  it('America/Havana: 8 March 2026 skips midnight, so that day starts at 01:00 CDT (05:00 UTC) and lasts 23 hours', () => {
    expect(bounds('DAY', 'America/Havana', '2026-03-07T05:00:00Z', '2026-03-10T04:00:00Z')).toEqual([
      '2026-03-07T05:00Z',
      '2026-03-08T05:00Z',
      '2026-03-09T04:00Z',
      '2026-03-10T04:00Z',
    ]);
    expect(instantOfWall('America/Havana', Date.UTC(2026, 2, 8))).toBe(Date.parse('2026-03-08T05:00:00Z'));
  });
});

describe('hour windows', () => {
  it('New York fall-back: the repeated 01:00 is a window of its own (25 in the day)', () => {
    const b = bounds('HOUR', 'America/New_York', '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z');
    expect(b.length - 1).toBe(25);
    expect(b.slice(0, 4)).toEqual(['2026-11-01T04:00Z', '2026-11-01T05:00Z', '2026-11-01T06:00Z', '2026-11-01T07:00Z']);
  });

  it('New York spring-forward: 02:00 never happens (23 in the day)', () => {
    const b = bounds('HOUR', 'America/New_York', '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z');
    expect(b.length - 1).toBe(23);
    expect(b.slice(0, 4)).toEqual(['2026-03-08T05:00Z', '2026-03-08T06:00Z', '2026-03-08T07:00Z', '2026-03-08T08:00Z']);
  });

  it('Australia/Lord_Howe falls back half an hour: 01:30-02:00 comes twice, the second time as a half-hour window', () => {
    // 5 April 2026, 02:00 LHDT (+11:00) = 15:00 UTC becomes 01:30 LHST (+10:30).
    expect(bounds('HOUR', 'Australia/Lord_Howe', '2026-04-04T14:00:00Z', '2026-04-04T17:30:00Z')).toEqual([
      '2026-04-04T14:00Z',
      '2026-04-04T15:00Z',
      '2026-04-04T15:30Z',
      '2026-04-04T16:30Z',
      '2026-04-04T17:30Z',
    ]);
  });

  it('Kathmandu hours start at a quarter past the UTC hour', () => {
    expect(bounds('HOUR', 'Asia/Kathmandu', '2026-03-02T00:00:00Z', '2026-03-02T02:00:00Z')).toEqual([
      '2026-03-02T00:00Z',
      '2026-03-02T00:15Z',
      '2026-03-02T01:15Z',
      '2026-03-02T02:00Z',
    ]);
  });
});

describe('month windows', () => {
  it('Kolkata months start at 18:30 UTC on the last day of the month before', () => {
    expect(bounds('MONTH', 'Asia/Kolkata', '2025-12-31T18:30:00Z', '2026-03-31T18:30:00Z')).toEqual([
      '2025-12-31T18:30Z',
      '2026-01-31T18:30Z',
      '2026-02-28T18:30Z',
      '2026-03-31T18:30Z',
    ]);
  });

  it('New York: March 2026 starts in EST (05:00 UTC) and ends in EDT (04:00 UTC)', () => {
    expect(bounds('MONTH', 'America/New_York', '2026-02-01T05:00:00Z', '2026-05-01T04:00:00Z')).toEqual([
      '2026-02-01T05:00Z',
      '2026-03-01T05:00Z',
      '2026-04-01T04:00Z',
      '2026-05-01T04:00Z',
    ]);
  });

  it('UTC months are calendar months', () => {
    expect(bounds('MONTH', 'UTC', '2024-01-01T00:00:00Z', '2024-04-01T00:00:00Z')).toEqual([
      '2024-01-01T00:00Z',
      '2024-02-01T00:00Z',
      '2024-03-01T00:00Z',
      '2024-04-01T00:00Z',
    ]);
  });
});

describe('no window, minute windows', () => {
  it('no window: one total over the range', () => {
    expect(bounds(null, 'Asia/Kolkata', '2026-03-01T00:15:00Z', '2026-03-05T00:00:00Z')).toEqual(['2026-03-01T00:15Z', '2026-03-05T00:00Z']);
  });

  it('minute windows are UTC minutes in every zone (all offsets are whole minutes)', () => {
    expect(bounds('MINUTE', 'Asia/Kathmandu', '2026-11-20T10:07:00Z', '2026-11-20T10:10:00Z')).toEqual([
      '2026-11-20T10:07Z',
      '2026-11-20T10:08Z',
      '2026-11-20T10:09Z',
      '2026-11-20T10:10Z',
    ]);
  });
});

describe('window starts and offsets', () => {
  it('answers the start of the window holding an instant', () => {
    expect(new Date(windowStartOf('DAY', 'Asia/Kolkata', Date.parse('2026-03-02T10:00:00Z'))).toISOString()).toBe('2026-03-01T18:30:00.000Z');
    expect(new Date(windowStartOf('MONTH', 'America/New_York', Date.parse('2026-11-15T10:00:00Z'))).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(new Date(windowStartOf('HOUR', 'America/New_York', Date.parse('2026-11-01T06:30:00Z'))).toISOString()).toBe('2026-11-01T06:00:00.000Z');
    expect(offsetAt('Asia/Kathmandu', Date.parse('2026-01-01T00:00:00Z'))).toBe((5 * 60 + 45) * 60_000);
  });
});

describe('days of a zone (the daily rollup grain)', () => {
  const day = (zone: string, t: string) => {
    const d = zonedDayOf(zone, Date.parse(t));
    return [d.date, new Date(d.start).toISOString(), new Date(d.end).toISOString()];
  };
  const iso = (t: number) => new Date(t).toISOString();

  it('has the boundaries of DAY windows, 23 or 25 hours long on DST days', () => {
    expect(day('Asia/Kathmandu', '2026-04-01T18:14:00Z')).toEqual(['2026-04-01', '2026-03-31T18:15:00.000Z', '2026-04-01T18:15:00.000Z']);
    expect(day('Asia/Kathmandu', '2026-04-01T18:15:00Z')).toEqual(['2026-04-02', '2026-04-01T18:15:00.000Z', '2026-04-02T18:15:00.000Z']);
    expect(day('America/New_York', '2026-11-02T04:59:00Z')).toEqual(['2026-11-01', '2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z']);
    expect(day('America/New_York', '2026-03-08T12:00:00Z')).toEqual(['2026-03-08', '2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z']);
    // Havana skips midnight on 8 March 2026: the day starts at 01:00 CDT.
    expect(day('America/Havana', '2026-03-08T12:00:00Z')).toEqual(['2026-03-08', '2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z']);
    const windows = zonedWindows({
      window: 'DAY',
      timeZone: 'America/New_York',
      from: new Date('2026-10-30T04:00:00Z'),
      to: new Date('2026-11-04T05:00:00Z'),
      now,
    });
    for (const [i, b] of windows.boundaries.slice(0, -1).entries()) {
      expect([zonedDayOf('America/New_York', b.getTime()).start, zonedDayOf('America/New_York', b.getTime()).end]).toEqual([
        b.getTime(),
        windows.boundaries[i + 1]!.getTime(),
      ]);
    }
  });

  it('finds the whole days inside a range: cut ends left out, null when none fits', () => {
    const span = (zone: string, lo: string, hi: string) => {
      const s = wholeDaysWithin(zone, Date.parse(lo), Date.parse(hi));
      return s && [s.first.date, iso(s.first.start), s.after.date, iso(s.after.start)];
    };
    expect(span('Asia/Kathmandu', '2026-04-01T06:00:00Z', '2026-04-04T12:00:00Z')).toEqual([
      '2026-04-02',
      '2026-04-01T18:15:00.000Z',
      '2026-04-04',
      '2026-04-03T18:15:00.000Z',
    ]);
    expect(span('Asia/Kathmandu', '2026-03-31T18:15:00Z', '2026-04-02T18:15:00Z')).toEqual([
      '2026-04-01',
      '2026-03-31T18:15:00.000Z',
      '2026-04-03',
      '2026-04-02T18:15:00.000Z',
    ]);
    expect(span('UTC', '2026-04-01T06:00:00Z', '2026-04-02T12:00:00Z')).toBeNull();
    expect(span('UTC', '2026-04-01T00:00:00Z', '2026-04-01T23:45:00Z')).toBeNull();
  });
});

describe('bad input: VALIDATION naming the field', () => {
  const run = (over: Partial<{ from: string; to: string; window: UsageWindow | null; timeZone: string }>) => () =>
    zonedWindows({
      window: 'DAY',
      timeZone: 'UTC',
      now,
      ...over,
      from: new Date(over.from ?? '2026-11-01T00:00:00Z'),
      to: new Date(over.to ?? '2026-11-05T00:00:00Z'),
    });
  it('rejects each bad range', () => {
    expect(fieldOf(run({ from: '2026-11-05T00:00:00Z', to: '2026-11-01T00:00:00Z' }))).toBe('VALIDATION:to');
    expect(fieldOf(run({ from: '2026-11-01T00:10:00Z' }))).toBe('VALIDATION:from');
    expect(fieldOf(run({ to: '2026-11-05T00:00:30Z', window: 'MINUTE' }))).toBe('VALIDATION:to');
    expect(fieldOf(run({ from: '2026-11-17T00:00:00Z', to: '2026-11-19T00:01:00Z', window: 'MINUTE' }))).toBe('VALIDATION:window');
    expect(fieldOf(run({ from: '2026-11-18T00:00:00Z', to: '2026-11-20T00:00:00Z', window: 'MINUTE' }))).toBe('OK');
    expect(fieldOf(run({ from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00Z', window: 'MINUTE' }))).toBe('VALIDATION:from');
    expect(fieldOf(run({ from: '2026-01-01T00:00:00Z', to: '2026-04-05T00:00:00Z', window: 'HOUR' }))).toBe('VALIDATION:window');
    expect(fieldOf(run({ from: 'not a date' }))).toBe('VALIDATION:from');
  });

  it('knows IANA zones and nothing else', () => {
    expect(canonicalTimeZone('utc')).toBe('UTC');
    expect(canonicalTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('Mars/Olympus')).toBeNull();
    expect(canonicalTimeZone('+05:30')).toBeNull();
    expect(fieldOf(() => parseTimeZone('Europe/Atlantis'))).toBe('VALIDATION:timeZone');
  });
});
