export { detectLedgerAlerts, detectUsageAlerts } from './detect';
export { ALERT_CHANNEL, OUTBOX_CHANNEL, fireOnce, rulesFor, type Crossing, type RuleRow } from './fire';
