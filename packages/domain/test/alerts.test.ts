import { describe, expect, it } from 'vitest';
import {
  balanceFallsBelow,
  balanceRearms,
  parseCustomHeaders,
  parseMessageTemplate,
  parseMoneyThresholds,
  parseShares,
  parseWebhookUrl,
  renderMessage,
  sharesReached,
  spendReaches,
  zonedPeriodOf,
} from '../src';

const usd = (n: number) => BigInt(Math.round(n * 1_000_000));

describe('alert crossings', () => {
  it('fires a balance threshold on the fall below it, not at it, and re-arms at or above it', () => {
    expect(balanceFallsBelow(usd(5.5), usd(4.5), [usd(10), usd(5), usd(3)])).toEqual([usd(5)]);
    expect(balanceFallsBelow(usd(5.5), usd(5), [usd(5)])).toEqual([]);
    expect(balanceFallsBelow(usd(4.9), usd(4.8), [usd(5)])).toEqual([]);
    expect(balanceFallsBelow(usd(11), usd(0.5), [usd(10), usd(5), usd(3), usd(1)])).toEqual([usd(10), usd(5), usd(3), usd(1)]);
    expect(balanceRearms(usd(5), [usd(10), usd(5), usd(3)])).toEqual([usd(5), usd(3)]);
  });

  it('reaches spend amounts and quota shares once, on the move that gets there', () => {
    expect(spendReaches(usd(0.9), usd(1), [usd(1), usd(2)])).toEqual([usd(1)]);
    expect(spendReaches(usd(1), usd(1.5), [usd(1), usd(2)])).toEqual([]);
    expect(sharesReached(7n, 8n, 10n, [80, 100])).toEqual([80]);
    expect(sharesReached(8n, 12n, 10n, [80, 100, 150])).toEqual([100]);
    expect(sharesReached(0n, 15n, 10n, [80, 100, 150])).toEqual([80, 100, 150]);
    expect(sharesReached(0n, 5n, 0n, [80])).toEqual([]);
  });
});

describe('consumption periods in the organization zone', () => {
  it("cuts Kathmandu's (+05:45) days and months at its own midnight, months from the reset day", () => {
    expect(zonedPeriodOf('DAY', 'Asia/Kathmandu', Date.parse('2026-11-10T18:14:59Z'))).toEqual({
      id: '2026-11-10',
      start: new Date('2026-11-09T18:15:00Z'),
      end: new Date('2026-11-10T18:15:00Z'),
    });
    expect(zonedPeriodOf('MONTH', 'Asia/Kathmandu', Date.parse('2026-11-14T18:15:00Z'), 15)).toMatchObject({
      id: '2026-11-15',
      start: new Date('2026-11-14T18:15:00Z'),
      end: new Date('2026-12-14T18:15:00Z'),
    });
    expect(zonedPeriodOf('MONTH', 'Asia/Kathmandu', Date.parse('2026-11-14T18:14:00Z'), 15).id).toBe('2026-10-15');
  });

  it('gives New York its 25-hour fall-back day', () => {
    const day = zonedPeriodOf('DAY', 'America/New_York', Date.parse('2026-11-01T12:00:00Z'));
    expect([day.id, day.end.getTime() - day.start.getTime()]).toEqual(['2026-11-01', 25 * 3_600_000]);
  });
});

describe('alert settings input', () => {
  it('takes at most 10 distinct positive money thresholds, highest first', () => {
    expect(parseMoneyThresholds(['1', '10', '5', '3'], 'thresholds')).toEqual([usd(10), usd(5), usd(3), usd(1)]);
    expect(() =>
      parseMoneyThresholds(
        Array.from({ length: 11 }, (_, i) => String(i + 1)),
        'thresholds',
      ),
    ).toThrow(/at most 10/);
    expect(() => parseMoneyThresholds(['-1'], 'thresholds')).toThrow(/decimal/);
    expect(() => parseMoneyThresholds(['0'], 'thresholds')).toThrow(/positive/);
    expect(() => parseMoneyThresholds(['5', '5.00'], 'thresholds')).toThrow(/repeat/);
    expect(() => parseMoneyThresholds(['1e3'], 'thresholds')).toThrow(/decimal/);
    expect(() => parseShares([0], 'shares')).toThrow(/1 to 1000/);
  });

  it('refuses templates over 2 KiB or with placeholders their kind does not have', () => {
    expect(parseMessageTemplate('Balance is below {threshold} USD', 'BALANCE')).toBe('Balance is below {threshold} USD');
    expect(() => parseMessageTemplate('{spent}', 'BALANCE')).toThrow(/\{spent\}/);
    expect(() => parseMessageTemplate('x'.repeat(2049), 'BALANCE')).toThrow(/2048 bytes/);
    expect(renderMessage('{organization}: {balance} < {threshold}', { organization: 'Acme', balance: '4.90', threshold: '5.00' })).toBe('Acme: 4.90 < 5.00');
  });

  it('refuses webhook URLs that are not http(s) or carry credentials, and reserved or invalid header names', () => {
    expect(parseWebhookUrl('https://hooks.example/alert').host).toBe('hooks.example');
    expect(() => parseWebhookUrl('ftp://hooks.example/')).toThrow(/http or https/);
    expect(() => parseWebhookUrl('https://user:pw@hooks.example/')).toThrow(/credentials/);
    expect(() => parseWebhookUrl('not a url')).toThrow(/absolute/);
    expect(parseCustomHeaders([{ name: 'X-Alert-Token', value: 'token123' }])).toEqual([{ name: 'X-Alert-Token', value: 'token123' }]);
    for (const name of ['Host', 'content-length', 'Webhook-Signature', 'webhook-id', 'bad name', '']) {
      expect(() => parseCustomHeaders([{ name, value: 'v' }]), name).toThrow();
    }
    expect(() => parseCustomHeaders([{ name: 'X-A', value: 'line\r\nInjected: 1' }])).toThrow(/one line/);
  });
});
