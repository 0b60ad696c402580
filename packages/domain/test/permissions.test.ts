import { describe, expect, it } from 'vitest';
import { assertKeepsAnAdmin, assertMayChangeMember, can, formatMoney, parseMoney, type Actor } from '../src';

const actor = (over: Partial<Actor>): Actor => ({ userId: 'u', isOperator: false, readOnly: false, ...over });

describe('the permission matrix', () => {
  it('lets an org ADMIN act as OWNER on every project', () => {
    expect(can(actor({ orgRole: 'ADMIN' }), 'project.members.manage')).toBe(true);
  });
  it('gives a MEMBER only what their grants add', () => {
    const member = actor({ orgRole: 'MEMBER', orgGrants: ['FINANCE'] });
    expect(can(member, 'organization.finance')).toBe(true);
    expect(can(member, 'organization.usage.view')).toBe(true);
    expect(can(member, 'organization.alerts.manage')).toBe(true);
    expect(can(member, 'organization.projects.manage')).toBe(false);
    expect(can(member, 'project.view')).toBe(false);
  });
  it('needs org membership for any project role to count', () => {
    expect(can(actor({ orgRole: null, projectRole: 'OWNER' }), 'project.view')).toBe(false);
    expect(can(actor({ orgRole: 'MEMBER', projectRole: 'MEMBER' }), 'project.configure')).toBe(false);
    expect(can(actor({ orgRole: 'MEMBER', projectRole: 'OWNER' }), 'project.configure')).toBe(true);
  });
  it('reserves platform actions to operators', () => {
    expect(can(actor({ orgRole: 'ADMIN' }), 'platform.operate')).toBe(false);
    expect(can(actor({ isOperator: true }), 'platform.operate')).toBe(true);
  });
});

describe('admin rules', () => {
  it('refuses to lose the last admin', () => {
    expect(() => assertKeepsAnAdmin('ADMIN', 'MEMBER', 1)).toThrow(/at least one admin/);
    expect(() => assertKeepsAnAdmin('ADMIN', null, 2)).not.toThrow();
  });
  it('keeps admin power with admins', () => {
    expect(() => assertMayChangeMember({ actorRole: 'MEMBER', self: false, targetRole: 'MEMBER', nextRole: 'ADMIN' })).toThrow();
    expect(() => assertMayChangeMember({ actorRole: 'MEMBER', self: false, targetRole: 'MEMBER', changesGrants: true })).toThrow();
    expect(() => assertMayChangeMember({ actorRole: 'MEMBER', self: false, targetRole: 'MEMBER', nextRole: null })).not.toThrow();
    expect(() => assertMayChangeMember({ actorRole: 'ADMIN', self: true, targetRole: 'ADMIN', nextRole: 'MEMBER' })).toThrow(/own role/);
  });
});

describe('money', () => {
  it('parses decimal strings into exact micro-units and back', () => {
    expect(parseMoney('12.5')).toBe(12_500_000n);
    expect(parseMoney('0.000001')).toBe(1n);
    expect(formatMoney(12_500_000n)).toBe('12.50');
    expect(formatMoney(1n)).toBe('0.000001');
    expect(formatMoney(-1_230_000n)).toBe('-1.23');
  });
  it.each(['1.0000001', '-1', '1e3', 'abc', ''])('refuses %j', (text) => {
    expect(() => parseMoney(text)).toThrow(/decimal amount/);
  });
});
