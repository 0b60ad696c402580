import type { Project } from '@tollgate/db';
import { can, DomainError, ErrorCode, forbidden, notFound, parseInput, uuidSchema, type Action, type Actor } from '@tollgate/domain';
import { createMethodMiddlewareDecorator, Extensions, type MiddlewareFn } from 'type-graphql';
import type { Context } from '../context';

/**
 * Where the object an action applies to comes from: the name of the argument
 * holding an organization or project id, or `PARENT` for a field of a Project.
 */
export const PARENT = Symbol('parent');
export type Target = { organization: string } | { project: string | typeof PARENT };

/** The declaration every Query, Mutation and Subscription field carries; tests read it from the schema. */
export interface PermissionDeclaration {
  permission: Action | 'public';
}

const declare = (permission: PermissionDeclaration['permission']) => Extensions({ permission } satisfies PermissionDeclaration);

function compose(...decorators: MethodDecorator[]): MethodDecorator {
  return (target, key, descriptor) => {
    for (const decorator of decorators) decorator(target, key, descriptor);
  };
}

/** Anyone may call this, signed in or not. */
export const Public = (): MethodDecorator => declare('public');

/**
 * The caller must hold `action` on the target. A caller outside the target's
 * organization gets NOT_FOUND, exactly as for an id that does not exist.
 */
export const Can = (action: Action, target?: Target): MethodDecorator =>
  compose(declare(action), createMethodMiddlewareDecorator<Context>(authorize(action, target)));

/**
 * For a Subscription field: declares `action` as @Can does, without checking
 * it again on every message (a middleware runs per message, not at subscribe).
 * Its `subscribe` step runs `assertCan`, and the live hub re-checks the
 * subscriber whenever their session, token or memberships change, ending the
 * subscription when it no longer holds.
 */
export const CanSubscribe = (action: Action): MethodDecorator => declare(action);

/**
 * For fields of a Project that only its members (and org admins) may read:
 * answers null instead of failing, so a list mixing visible and hidden projects still loads.
 */
export const VisibleWith = (action: Action): MethodDecorator =>
  createMethodMiddlewareDecorator<Context>(async ({ root, context }, next) => {
    const actor = await context.access.actorInProject(root as Project);
    return actor && can(actor, action) ? next() : null;
  });

const authorize =
  (action: Action, target?: Target): MiddlewareFn<Context> =>
  async ({ context, args, root, info }, next) => {
    await assertCan(context, action, target, args as Record<string, unknown>, { root, writes: info.operation.operation === 'mutation' });
    return next();
  };

/**
 * The check `@Can` makes, for callers outside a resolver's middleware: a
 * subscription's subscribe step (middlewares run per event, not there) and its
 * re-checks while subscribed. Read-only tokens may query and subscribe.
 */
export async function assertCan(
  context: Context,
  action: Action,
  target: Target | undefined,
  args: Record<string, unknown>,
  { root, writes }: { root?: unknown; writes: boolean } = { writes: false },
): Promise<Actor> {
  const { auth } = context;
  if (!auth) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in or send a valid API token');
  if (auth.readOnly && writes) throw forbidden('This API token is read-only');
  const actor = await actorForTarget(context, args, root, target);
  if (!can(actor, action)) throw forbidden();
  return actor;
}

async function actorForTarget(ctx: Context, args: Record<string, unknown>, root: unknown, target?: Target): Promise<Actor> {
  const { access } = ctx;
  if (!target) return access.actor()!;
  if ('organization' in target) {
    const id = parseInput(uuidSchema, args[target.organization], target.organization);
    const actor = (await access.actorInOrganization(id))!;
    if (!actor.orgRole) throw notFound('Organization');
    return actor;
  }
  const project = target.project === PARENT ? (root as Project) : await access.findProject(parseInput(uuidSchema, args[target.project], target.project));
  const actor = project ? await access.actorInProject(project) : null;
  if (!actor?.orgRole) throw notFound('Project');
  return actor;
}

/**
 * The GraphQL enum of a scope's actions, named after the action without its
 * scope: 'organization.members.manage' is MEMBERS_MANAGE, 'project.keys.manageAll'
 * KEYS_MANAGE_ALL. Its values are the actions themselves, so a resolver answers
 * what the matrix computed (`orgPermissionsOf`) and a new action shows up by itself.
 */
export function permissionEnum<A extends string>(actions: readonly A[]): Record<string, A> {
  const name = (action: string) =>
    action
      .split('.')
      .slice(1)
      .join('_')
      .replace(/([a-z])([A-Z])/g, '$1_$2')
      .toUpperCase();
  return Object.fromEntries(actions.map((action) => [name(action), action]));
}

/** Whether a domain rule written as an assertion (`assertMayChangeMember`, …) lets this through. */
export function holds(rule: () => void): boolean {
  try {
    rule();
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}
