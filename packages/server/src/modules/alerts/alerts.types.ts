import { OutboxChannel, OutboxStatus } from '@tollgate/db';
import { AlertKind, AlertPeriod } from '@tollgate/domain';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyScalar } from '../../graphql/scalars';

registerEnumType(AlertKind, {
  name: 'AlertKind',
  description: "BALANCE: the organization's wallet fell below an amount; CONSUMPTION: a project's day or month spend reached one; QUOTA: a share of a limit.",
});
registerEnumType(AlertPeriod, { name: 'AlertPeriod' });
registerEnumType(OutboxChannel, { name: 'DeliveryChannel' });
// OutboxStatus is registered by the outbox module.

@ObjectType('WebhookEndpointRef', { description: 'An endpoint as alert settings name it: enough to choose one, nothing of its headers or secret.' })
export class WebhookEndpointRefType {
  @Field(() => ID) id!: string;
  @Field(() => String) description!: string;
  @Field(() => String, { description: 'The host it posts to.' }) host!: string;
  @Field(() => Boolean, { description: 'Disabled endpoints receive nothing until enabled again.' }) disabled!: boolean;
}

/** What every kind of alert settings holds besides its thresholds. */
// Not reachable on its own: its fields show up in each kind's settings only.
@ObjectType('AlertChannels')
class AlertChannelsType {
  @Field(() => Boolean) emailEnabled!: boolean;
  @Field(() => Boolean, { description: 'Sent to the recipients with a verified mobile number.' }) smsEnabled!: boolean;
  @Field(() => ID, { nullable: true }) webhookEndpointId!: string | null;
  @Field(() => WebhookEndpointRefType, { nullable: true }) webhookEndpoint!: WebhookEndpointRefType | null;
  @Field(() => String, { nullable: true, description: 'Null: the default message.' }) messageTemplate!: string | null;
  @Field(() => [String], { description: 'The placeholders messageTemplate may use, e.g. "threshold" for {threshold}.' }) placeholders!: string[];
}

@ObjectType('BalanceAlertSettings', {
  description: 'Alerts when the wallet balance falls below an amount: once per fall, re-armed when the balance rises above it again.',
})
export class BalanceAlertSettingsType extends AlertChannelsType {
  @Field(() => ID) organizationId!: string;
  @Field(() => [MoneyScalar], { description: 'Highest first; empty: no balance alerts.' }) thresholds!: bigint[];
  @Field(() => Int, { nullable: true, description: 'At most this many alerts a UTC day; further crossings are recorded as suppressed. Null: no cap.' })
  maxDailyAlerts!: number | null;
}

@ObjectType('ConsumptionAlertSettings', {
  description: "Alerts when the project's spend in its natural day or month (the organization's zone; months from the quota reset day) reaches an amount.",
})
export class ConsumptionAlertSettingsType extends AlertChannelsType {
  @Field(() => ID) projectId!: string;
  @Field(() => [MoneyScalar], { description: 'Highest first.' }) dailyAmounts!: bigint[];
  @Field(() => [MoneyScalar], { description: 'Highest first.' }) monthlyAmounts!: bigint[];
}

@ObjectType('QuotaAlertSettings', { description: 'Alerts when a day or month limit (requests, tokens, budget) reaches a share of itself, once per period.' })
export class QuotaAlertSettingsType extends AlertChannelsType {
  @Field(() => ID) organizationId!: string;
  @Field(() => ID, { nullable: true, description: "Null: the organization's own limits." }) projectId!: string | null;
  @Field(() => [Int], { description: 'Percent of each limit, lowest first (100: the limit is reached).' }) shares!: number[];
}

@InputType('AlertChannelsInput')
class AlertChannelsInput {
  @Field(() => Boolean) emailEnabled!: boolean;
  @Field(() => Boolean, { defaultValue: false }) smsEnabled!: boolean;
  @Field(() => ID, { nullable: true }) webhookEndpointId?: string | null;
  @Field(() => String, { nullable: true, description: 'At most 2 KiB, using only the kind\'s placeholders (see "placeholders"); blank: the default message.' })
  messageTemplate?: string | null;
}

@InputType()
export class BalanceAlertsInput extends AlertChannelsInput {
  @Field(() => [MoneyScalar], { description: 'At most 10 distinct positive amounts.' }) thresholds!: bigint[];
  @Field(() => Int, { nullable: true, description: '1 to 100; null: no cap.' }) maxDailyAlerts?: number | null;
}

@InputType()
export class ConsumptionAlertsInput extends AlertChannelsInput {
  @Field(() => [MoneyScalar], { description: 'At most 10 distinct positive amounts.' }) dailyAmounts!: bigint[];
  @Field(() => [MoneyScalar], { description: 'At most 10 distinct positive amounts.' }) monthlyAmounts!: bigint[];
}

@InputType()
export class QuotaAlertsInput extends AlertChannelsInput {
  @Field(() => [Int], { description: 'At most 10 distinct whole percents from 1 to 1000.' }) shares!: number[];
}

@ObjectType('CustomHeader')
export class CustomHeaderType {
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Always masked ("••••"): values are kept encrypted and never answered back.' }) value!: string;
}

@InputType()
export class CustomHeaderInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: 'On update, null keeps the value this header has now.' }) value?: string | null;
}

@ObjectType('WebhookEndpoint', {
  description: 'Where alerts are POSTed, signed the Standard Webhooks way (webhook-id, webhook-timestamp, webhook-signature) with a secret shown once.',
})
export class WebhookEndpointType {
  @Field(() => ID) id!: string;
  @Field(() => ID) organizationId!: string;
  @Field(() => String) url!: string;
  @Field(() => String) description!: string;
  @Field(() => [CustomHeaderType]) customHeaders!: CustomHeaderType[];
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true, description: 'Until then the secret before the last rotation signs too.' })
  previousSecretExpiresAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'The first failed delivery of the current run of failures.' }) failingSince!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'Disabled (by hand, or after failing for 5 days): nothing is sent.' })
  disabledAt!: Date | null;
}

@InputType()
export class WebhookEndpointInput {
  @Field(() => String, { description: 'http(s), without credentials, not to a loopback, private or link-local address.' }) url!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [CustomHeaderInput], { nullable: true, description: 'Sent with every delivery. On update, omitted: the headers stay as they are.' })
  customHeaders?: CustomHeaderInput[] | null;
}

@ObjectType('WebhookEndpointWithSecret')
export class WebhookEndpointWithSecretType {
  @Field(() => WebhookEndpointType) endpoint!: WebhookEndpointType;
  @Field(() => String, { description: 'whsec_…: shown once; verify signatures with it.' }) secret!: string;
}

@ObjectType('DeliveryAttempt')
export class DeliveryAttemptType {
  @Field(() => DateTimeResolver) at!: Date;
  @Field(() => Int, { nullable: true, description: "The receiver's HTTP status (webhooks)." }) statusCode!: number | null;
  @Field(() => Int) latencyMs!: number;
  @Field(() => String, { nullable: true }) error!: string | null;
}

@ObjectType('AlertDelivery', { description: 'One message an alert sent: an email, an SMS or a webhook, with every attempt.' })
export class AlertDeliveryType {
  @Field(() => ID) id!: string;
  @Field(() => OutboxChannel) channel!: OutboxChannel;
  @Field(() => String, { description: 'The address; mobile numbers masked, webhook URLs without their query.' }) to!: string;
  @Field(() => OutboxStatus) status!: OutboxStatus;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) sentAt!: Date | null;
  @Field(() => [DeliveryAttemptType], { description: 'Oldest first.' }) attempts!: DeliveryAttemptType[];
}

@ObjectType('Alert', { description: 'A fired alert.' })
export class AlertType {
  @Field(() => ID) id!: string;
  @Field(() => ID) organizationId!: string;
  @Field(() => ID, { nullable: true }) projectId!: string | null;
  @Field(() => String, { nullable: true }) projectName!: string | null;
  @Field(() => AlertKind) kind!: AlertKind;
  @Field(() => AlertPeriod, { nullable: true }) period!: AlertPeriod | null;
  @Field(() => String, { nullable: true, description: "The period's first day (YYYY-MM-DD)." }) periodKey!: string | null;
  @Field(() => String, { nullable: true, description: 'QUOTA: the limit reached (dailyRequestLimit, monthlyBudget, rpd…).' }) metric!: string | null;
  @Field(() => String, { description: 'A decimal amount (BALANCE, CONSUMPTION), or a percent (QUOTA).' }) threshold!: string;
  @Field(() => String, { description: 'The figure at the crossing: balance, spend (decimal amounts) or use (a count, or an amount for budgets).' })
  value!: string;
  @Field(() => String, { nullable: true, description: 'QUOTA: the limit the share is of.' }) limitValue!: string | null;
  @Field(() => String) message!: string;
  @Field(() => DateTimeResolver) firedAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When the balance rose above it again, or its period ended.' }) resolvedAt!: Date | null;
  @Field(() => Boolean) resolved!: boolean;
  @Field(() => Boolean, { description: 'Over maxDailyAlerts: recorded, nothing sent.' }) suppressed!: boolean;
  @Field(() => Boolean, { description: 'Sent by sendTestAlert.' }) test!: boolean;
  @Field(() => [AlertDeliveryType]) deliveries!: AlertDeliveryType[];
}

@ObjectType('AlertPage')
export class AlertPageType {
  @Field(() => [AlertType], { description: 'Newest first.' }) nodes!: AlertType[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last.' }) endCursor!: string | null;
}
