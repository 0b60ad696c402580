export { lookUpKey, type KeyRow } from './key-lookup';
export { enabledModels, type CatalogRow } from './catalog';
export { organizationsAmong } from './organization-ids';
export { periodUsage } from './period-usage';
export { moneyInAfter, walletPosition, writeFrozenAmounts } from './wallet-reads';
export { consumeDescription, pruneMinuteRollups, touchKeys, writeUsageBatch, type UsageEvent } from './usage-batch';
export { DAILY_ROLLUPS, deriveNarrowDailyRollups, executeOn, rebuildUsageDaily, type DailyRollup, type ExecuteSql } from './usage-daily';
export {
  createRequestLogPartitions,
  ensureRequestLogPartitions,
  maintainRequestLogPartitions,
  monthPartitionOf,
  monthPartitionsBetween,
  partitionBounds,
  type MonthPartition,
  type PartitionLogger,
} from './request-log-partitions';
