import { formatMoney } from '@tollgate/domain';
import { useEffect, useRef, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { Card, ErrorMessage, Loading } from '../../components';
import { graphql } from '../../gql';
import type { UsageFilter } from '../../gql/graphql';
import { useNewest } from '../../lib/newest';
import type { LiveWallet } from '../wallet/useLiveWallet';
import { calendarRanges, count, dayOf, daysLeft, exactMoney, micros, perDay, share, windowLabel } from './ranges';
import type { UsageTick } from './useLiveUsage';

/** Today, this month and the last 7 days from the usage query, and (for the organization) its budgets and wallet. */
const SpendSummaryQuery = graphql(`
  query UsageSpendSummary(
    $organizationId: ID!
    $timeZone: String!
    $filter: UsageFilter
    $todayFrom: DateTime!
    $todayTo: DateTime!
    $monthFrom: DateTime!
    $monthTo: DateTime!
    $utcTodayFrom: DateTime!
    $utcTodayTo: DateTime!
    $utcMonthFrom: DateTime!
    $utcMonthTo: DateTime!
    $weekFrom: DateTime!
    $weekTo: DateTime!
    $withFunds: Boolean!
  ) {
    today: usage(organizationId: $organizationId, timeZone: $timeZone, filter: $filter, from: $todayFrom, to: $todayTo) {
      totals {
        cost
        requests
        errors
      }
    }
    month: usage(organizationId: $organizationId, timeZone: $timeZone, filter: $filter, from: $monthFrom, to: $monthTo) {
      totals {
        cost
        requests
        errors
      }
    }
    utcToday: usage(organizationId: $organizationId, timeZone: "UTC", filter: $filter, from: $utcTodayFrom, to: $utcTodayTo) @include(if: $withFunds) {
      totals {
        cost
      }
    }
    utcMonth: usage(organizationId: $organizationId, timeZone: "UTC", filter: $filter, from: $utcMonthFrom, to: $utcMonthTo) @include(if: $withFunds) {
      totals {
        cost
      }
    }
    lastWeek: usage(organizationId: $organizationId, timeZone: $timeZone, filter: $filter, from: $weekFrom, to: $weekTo) {
      totals {
        cost
      }
    }
    organizationLimits(organizationId: $organizationId) @include(if: $withFunds) {
      dailyBudget
      monthlyBudget
    }
    wallet(organizationId: $organizationId) @include(if: $withFunds) {
      balance
      availableAmount
      currency
      isActive
    }
  }
`);

type WalletFigures = { balance: string; availableAmount: string; currency: string; isActive: boolean };

interface Props {
  organizationId: string;
  timeZone: string;
  filter: UsageFilter | null;
  /** The organization's dashboard: budgets and the wallet too. */
  withFunds: boolean;
  /** The latest `walletChanged` message, for viewers who may see the wallet. */
  liveWallet?: LiveWallet | null;
  /** The dashboard's clock: the figures are asked again whenever it moves. */
  now: number;
  /** The latest `usageTicks` message for the same scope: today's figures as they move. */
  live: UsageTick | null;
}

/** The figures at the top of a dashboard: spend today and this month (against the budgets), and how long the wallet lasts. */
export function SpendSummary({ organizationId, timeZone, filter, withFunds, liveWallet = null, now, live }: Props) {
  const r = calendarRanges(timeZone, now);
  const [{ data, error }, reexecute] = useQuery({
    query: SpendSummaryQuery,
    variables: {
      organizationId,
      timeZone,
      filter,
      withFunds,
      todayFrom: r.today.from,
      todayTo: r.today.to,
      monthFrom: r.month.from,
      monthTo: r.month.to,
      utcTodayFrom: r.utcToday.from,
      utcTodayTo: r.utcToday.to,
      utcMonthFrom: r.utcMonth.from,
      utcMonthTo: r.utcMonth.to,
      weekFrom: r.lastWeek.from,
      weekTo: r.lastWeek.to,
    },
    requestPolicy: 'cache-and-network',
  });
  // The balance as the wallet moves (calls in flight hold money before they settle), or as last asked.
  const newestWallet = useNewest<WalletFigures>(data?.wallet, liveWallet);
  // Asked again whenever the dashboard's clock moves: after calls, at most every few seconds (the ranges move only at quarter hours).
  const mounted = useRef(false);
  useEffect(() => {
    if (mounted.current) reexecute({ requestPolicy: 'network-only' });
    mounted.current = true;
  }, [now, reexecute]);
  if (!data)
    return (
      <Card label="Spend summary">
        <ErrorMessage error={error} />
        {!error && <Loading />}
      </Card>
    );
  const limits = data.organizationLimits;
  const wallet = newestWallet;
  // Today from the live ticks while they speak of the same day in the same zone: they count the current minute too.
  const liveToday = live && live.timeZone === timeZone && live.day === dayOf(timeZone, Date.parse(r.today.from)) ? live.today : null;
  const today = liveToday ?? data.today.totals;
  // This month: its days before today as the query summed them, and today as it moves (exact, in micro-units).
  const month = liveToday
    ? {
        cost: formatMoney(micros(data.month.totals.cost) - micros(data.today.totals.cost) + micros(liveToday.cost)),
        requests: data.month.totals.requests - data.today.totals.requests + liveToday.requests,
      }
    : data.month.totals;
  const week = data.lastWeek.totals.cost;
  const days = wallet ? daysLeft(wallet.availableAmount, week) : null;
  return (
    <section className="summary-grid" aria-label="Spend summary">
      <SummaryCard
        term="Spend today"
        value={exactMoney(today.cost)}
        note={`${windowLabel(r.today.from, 'DAY', timeZone)} · ${count(today.requests)} requests, ${count(today.errors)} ${today.errors === 1 ? 'error' : 'errors'}`}
      >
        {limits?.dailyBudget && data.utcToday && <Budget name="Daily budget" spent={data.utcToday.totals.cost} budget={limits.dailyBudget} what="UTC day" />}
      </SummaryCard>
      <SummaryCard
        term="Spend this month"
        value={exactMoney(month.cost)}
        note={`${windowLabel(r.month.from, 'MONTH', timeZone)} · ${count(month.requests)} requests`}
      >
        {limits?.monthlyBudget && data.utcMonth && (
          <Budget name="Monthly budget" spent={data.utcMonth.totals.cost} budget={limits.monthlyBudget} what="UTC month" />
        )}
      </SummaryCard>
      <SummaryCard term="Last 7 days" value={exactMoney(week)} note={`${perDay(week)} a day on average`} />
      {withFunds && (
        <SummaryCard
          term="Wallet balance"
          value={wallet ? exactMoney(wallet.balance) : 'Not prepaid'}
          note={
            wallet
              ? !wallet.isActive
                ? 'Inactive: every call is refused'
                : days === null
                  ? `${exactMoney(wallet.availableAmount)} available; nothing spent in the last 7 days`
                  : `${exactMoney(wallet.availableAmount)} available: lasts about ${days} days at the last 7 days' rate`
              : 'Calls are not charged to a wallet'
          }
        />
      )}
      <ErrorMessage error={error} />
    </section>
  );
}

function SummaryCard({ term, value, note, children }: { term: string; value: string; note: string; children?: ReactNode }) {
  return (
    <div className="card summary" role="group" aria-label={term}>
      <div className="summary-term">{term}</div>
      <div className="summary-value">{value}</div>
      <small className="muted">{note}</small>
      {children}
    </div>
  );
}

/** Spend against a budget; budgets count UTC days and months (as the proxy enforces them), whatever the zone. */
function Budget({ name, spent, budget, what }: { name: string; spent: string; budget: string; what: string }) {
  const used = micros(spent);
  const limit = micros(budget);
  const text = `${exactMoney(spent)} of ${exactMoney(budget)} (${share(used, limit)}) this ${what}`;
  return (
    <div className="budget">
      <div
        role="meter"
        aria-label={name}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={limit === 0n ? 0 : Math.min(100, Number((used * 100n) / limit))}
        aria-valuetext={text}
        className={used >= limit ? 'meter full' : 'meter'}
      >
        <span style={{ width: `${limit === 0n ? 0 : Math.min(100, Number((used * 1000n) / limit) / 10)}%` }} />
      </div>
      <small>
        {name}: {text}
      </small>
    </div>
  );
}
