import type { User } from '@tollgate/db';
import { AlertKind, AlertPeriod } from '@tollgate/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { MeType } from '../../auth/auth.types';
import type { Context } from '../../context';
import { Can, CanSubscribe } from '../../graphql/can';
import { subscribeAlerts } from './alert-feed';
import { listAlerts } from './alert-history.service';
import * as settings from './alert-settings.service';
import {
  AlertPageType,
  AlertType,
  BalanceAlertSettingsType,
  BalanceAlertsInput,
  ConsumptionAlertSettingsType,
  ConsumptionAlertsInput,
  QuotaAlertSettingsType,
  QuotaAlertsInput,
  WebhookEndpointInput,
  WebhookEndpointRefType,
  WebhookEndpointType,
  WebhookEndpointWithSecretType,
} from './alerts.types';
import * as mobile from './mobile.service';
import * as endpoints from './webhook-endpoint.service';

const ORG = { organization: 'organizationId' };
const PROJECT = { project: 'projectId' };

/**
 * Alert settings (balance per organization, consumption and quota per
 * project, quota for the organization's own limits), the webhook endpoints
 * they post to, test sends, the history with its delivery log, and the live
 * feed of fired alerts.
 */
@Resolver()
export class AlertsResolver {
  @Query(() => BalanceAlertSettingsType)
  @Can('organization.alerts.manage', ORG)
  balanceAlerts(@Arg('organizationId', () => ID) organizationId: string, @Ctx() ctx: Context) {
    return settings.balanceAlerts(ctx, organizationId);
  }

  @Mutation(() => BalanceAlertSettingsType, {
    description: 'Replaces the balance alerts. Thresholds the balance is already below count as fired: they alert after it rises above them and falls again.',
  })
  @Can('organization.alerts.manage', ORG)
  setBalanceAlerts(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('input', () => BalanceAlertsInput) input: BalanceAlertsInput,
    @Ctx() ctx: Context,
  ) {
    return settings.setBalanceAlerts(ctx, organizationId, input);
  }

  @Query(() => ConsumptionAlertSettingsType)
  @Can('project.view', PROJECT)
  consumptionAlerts(@Arg('projectId', () => ID) projectId: string, @Ctx() ctx: Context) {
    return settings.consumptionAlerts(ctx, projectId);
  }

  @Mutation(() => ConsumptionAlertSettingsType, { description: "Replaces the project's daily and monthly spend alerts." })
  @Can('project.configure', PROJECT)
  setConsumptionAlerts(
    @Arg('projectId', () => ID) projectId: string,
    @Arg('input', () => ConsumptionAlertsInput) input: ConsumptionAlertsInput,
    @Ctx() ctx: Context,
  ) {
    return settings.setConsumptionAlerts(ctx, projectId, input);
  }

  @Query(() => QuotaAlertSettingsType)
  @Can('project.view', PROJECT)
  quotaAlerts(@Arg('projectId', () => ID) projectId: string, @Ctx() ctx: Context) {
    return settings.projectQuotaAlerts(ctx, projectId);
  }

  @Mutation(() => QuotaAlertSettingsType, { description: "Replaces the alerts on shares of the project's day and month limits." })
  @Can('project.configure', PROJECT)
  setQuotaAlerts(@Arg('projectId', () => ID) projectId: string, @Arg('input', () => QuotaAlertsInput) input: QuotaAlertsInput, @Ctx() ctx: Context) {
    return settings.setProjectQuotaAlerts(ctx, projectId, input);
  }

  @Query(() => QuotaAlertSettingsType, { description: "Alerts on shares of the organization's own limits (rpd, tpd, budgets)." })
  @Can('organization.view', ORG)
  organizationQuotaAlerts(@Arg('organizationId', () => ID) organizationId: string, @Ctx() ctx: Context) {
    return settings.quotaAlerts(ctx, organizationId, null);
  }

  @Mutation(() => QuotaAlertSettingsType)
  @Can('organization.configure', ORG)
  setOrganizationQuotaAlerts(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('input', () => QuotaAlertsInput) input: QuotaAlertsInput,
    @Ctx() ctx: Context,
  ) {
    return settings.setQuotaAlerts(ctx, organizationId, null, input);
  }

  @Mutation(() => AlertType, {
    description:
      'Sends a test alert through the channels of a kind of alerts now (CONSUMPTION: the DAY rule unless period says MONTH). ' +
      "Allowed to those who may set them: BALANCE organization.alerts.manage, the organization's QUOTA organization.configure, a project's project.configure.",
  })
  // Membership is the gate; which action the kind needs is checked in the service.
  @Can('organization.view', ORG)
  sendTestAlert(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('projectId', () => ID, { nullable: true }) projectId: string | null,
    @Arg('kind', () => AlertKind) kind: AlertKind,
    @Arg('period', () => AlertPeriod, { nullable: true }) period: AlertPeriod | null,
    @Ctx() ctx: Context,
  ) {
    return settings.sendTestAlert(ctx, organizationId, projectId ?? null, kind, period ?? null);
  }

  @Query(() => AlertPageType, {
    description:
      "Fired alerts, newest first, with their deliveries: balance alerts for organization.alerts.manage, the organization's quota alerts for that or organization.configure, " +
      'project alerts for those who may view the project.',
  })
  @Can('organization.view', ORG)
  alerts(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('projectId', () => ID, { nullable: true }) projectId: string | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most 100.' }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return listAlerts(ctx, organizationId, projectId ?? null, first, after ?? null);
  }

  @Subscription(() => AlertType, {
    description: 'Each alert of the organization as it fires (tests included), for exactly who may see it in the history.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { organizationId: string }, Context>) => subscribeAlerts(context, args.organizationId),
  })
  @CanSubscribe('organization.view')
  alertFired(@Root() alert: AlertType, @Arg('organizationId', () => ID) _organizationId: string, @Ctx() _ctx: Context): AlertType {
    return alert;
  }

  @Query(() => [WebhookEndpointType])
  @Can('organization.alerts.manage', ORG)
  webhookEndpoints(@Arg('organizationId', () => ID) organizationId: string, @Ctx() ctx: Context) {
    return endpoints.listWebhookEndpoints(ctx, organizationId);
  }

  @Query(() => [WebhookEndpointRefType], { description: "The organization's endpoints a project's alerts may post to." })
  @Can('project.configure', PROJECT)
  webhookEndpointChoices(@Arg('projectId', () => ID) projectId: string, @Ctx() ctx: Context) {
    return endpoints.webhookEndpointChoices(ctx, projectId);
  }

  @Mutation(() => WebhookEndpointWithSecretType, { description: 'The signing secret is answered here once.' })
  @Can('organization.alerts.manage', ORG)
  createWebhookEndpoint(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('input', () => WebhookEndpointInput) input: WebhookEndpointInput,
    @Ctx() ctx: Context,
  ) {
    return endpoints.createWebhookEndpoint(ctx, organizationId, input);
  }

  @Mutation(() => WebhookEndpointType)
  @Can('organization.alerts.manage', ORG)
  updateWebhookEndpoint(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => WebhookEndpointInput) input: WebhookEndpointInput,
    @Ctx() ctx: Context,
  ) {
    return endpoints.updateWebhookEndpoint(ctx, organizationId, id, input);
  }

  @Mutation(() => WebhookEndpointWithSecretType, { description: 'A new secret, answered once; the previous one keeps signing beside it for 24 hours.' })
  @Can('organization.alerts.manage', ORG)
  rotateWebhookSecret(@Arg('organizationId', () => ID) organizationId: string, @Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return endpoints.rotateWebhookSecret(ctx, organizationId, id);
  }

  @Mutation(() => WebhookEndpointType, { description: 'Nothing is sent to it until enabled again.' })
  @Can('organization.alerts.manage', ORG)
  disableWebhookEndpoint(@Arg('organizationId', () => ID) organizationId: string, @Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return endpoints.setWebhookEndpointEnabled(ctx, organizationId, id, false);
  }

  @Mutation(() => WebhookEndpointType, { description: 'Enables it again (also after it was disabled for failing) and forgets its failures.' })
  @Can('organization.alerts.manage', ORG)
  enableWebhookEndpoint(@Arg('organizationId', () => ID) organizationId: string, @Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return endpoints.setWebhookEndpointEnabled(ctx, organizationId, id, true);
  }

  @Mutation(() => Boolean, { description: 'Alerts that posted to it stop doing so; deliveries waiting for it fail.' })
  @Can('organization.alerts.manage', ORG)
  deleteWebhookEndpoint(@Arg('organizationId', () => ID) organizationId: string, @Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return endpoints.deleteWebhookEndpoint(ctx, organizationId, id);
  }

  @Mutation(() => MeType, { description: 'Stores your mobile number (E.164, e.g. +14155550123) unverified and sends it a code by SMS; null removes it.' })
  @Can('user.self')
  setMobileNumber(@Arg('number', () => String, { nullable: true }) number: string | null, @Ctx() ctx: Context) {
    return mobile.setMobileNumber(ctx, number);
  }

  @Mutation(() => MeType, { description: 'Verifies your mobile number with the code it was sent (valid 10 minutes); SMS alerts go to verified numbers only.' })
  @Can('user.self')
  verifyMobileNumber(@Arg('code', () => String) code: string, @Ctx() ctx: Context) {
    return mobile.verifyMobileNumber(ctx, code);
  }
}

/** The caller's own mobile number on `me`. */
@Resolver(() => MeType)
export class MeMobileResolver {
  @FieldResolver(() => String, { nullable: true })
  mobileNumber(@Root() user: User): string | null {
    return user.mobileNumber ?? null;
  }

  @FieldResolver(() => Boolean)
  mobileVerified(@Root() user: User): boolean {
    return user.mobileNumber != null && user.mobileVerifiedAt != null;
  }
}
