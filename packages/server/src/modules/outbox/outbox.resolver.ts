import { OutboxMessage, OutboxStatus } from '@tollgate/db';
import { parseInput } from '@tollgate/domain';
import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Ctx, Field, ID, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { z } from 'zod';
import type { Context } from '../../context';
import { Can } from '../../graphql/can';

registerEnumType(OutboxStatus, { name: 'OutboxStatus', description: 'LOGGED: delivered to the server log (no SMTP configured).' });

@ObjectType('OutboxMessage', { description: 'A mail the platform sent or will send.' })
class OutboxMessageType {
  @Field(() => ID) id!: string;
  @Field(() => String) to!: string;
  @Field(() => String) subject!: string;
  @Field(() => String, { nullable: true, description: 'Erased once delivered over SMTP.' }) text?: string | null;
  @Field(() => OutboxStatus) status!: OutboxStatus;
  @Field(() => Int) attempts!: number;
  @Field(() => String, { nullable: true }) lastError?: string | null;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true }) sentAt?: Date | null;
}

@Resolver()
export class OutboxResolver {
  @Query(() => [OutboxMessageType], { description: 'The newest mails, for operators.' })
  @Can('platform.operate')
  outboxMessages(
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Arg('to', () => String, { nullable: true, description: 'Only mails to this address.' }) to: string | undefined,
    @Ctx() ctx: Context,
  ) {
    const limit = parseInput(z.number().int().min(1, 'must be at least 1').max(500, 'must be at most 500'), first, 'first');
    return ctx.em.find(OutboxMessage, to ? { to: to.trim().toLowerCase() } : {}, { orderBy: { createdAt: 'desc', id: 'asc' }, limit });
  }
}
