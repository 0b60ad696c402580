import { useEffect, useRef, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { Card, ErrorMessage, Loading } from '../../components';
import { graphql } from '../../gql';
import type { UsageFilter } from '../../gql/graphql';
import { calendarRanges, count, daysLeft, exactMoney, micros, perDay, share, windowLabel } from './ranges';

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

interface Props {
  organizationId: string;
  timeZone: string;
  filter: UsageFilter | null;
  /** The organization's dashboard: budgets and the wallet too. */
  withFunds: boolean;
  now: number;
}

/** The figures at the top of a dashboard: spend today and this month (against the budgets), and how long the wallet lasts. */
export function SpendSummary({ organizationId, timeZone, filter, withFunds, now }: Props) {
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
  // Asked again on every tick of the dashboard's clock (the ranges themselves move only at quarter hours).
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
  const wallet = data.wallet;
  const week = data.lastWeek.totals.cost;
  const days = wallet ? daysLeft(wallet.availableAmount, week) : null;
  return (
    <section className="summary-grid" aria-label="Spend summary">
      <SummaryCard
        term="Spend today"
        value={exactMoney(data.today.totals.cost)}
        note={`${windowLabel(r.today.from, 'DAY', timeZone)} · ${count(data.today.totals.requests)} requests`}
      >
        {limits?.dailyBudget && data.utcToday && <Budget name="Daily budget" spent={data.utcToday.totals.cost} budget={limits.dailyBudget} what="UTC day" />}
      </SummaryCard>
      <SummaryCard
        term="Spend this month"
        value={exactMoney(data.month.totals.cost)}
        note={`${windowLabel(r.month.from, 'MONTH', timeZone)} · ${count(data.month.totals.requests)} requests`}
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
