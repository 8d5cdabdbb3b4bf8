import { describe, expect, it } from 'vitest';
import { auditQuery } from './audit-query';

describe('auditQuery', () => {
  it('turns a local date range into an exclusive ISO range and drops blanks', () => {
    const q = auditQuery({ action: ' survey. ', actor: '', from: '2026-03-01', to: '2026-03-31' }, 'c1');
    expect(q.action).toBe('survey.');
    expect(q.actor).toBeUndefined();
    expect(new Date(q.from!).getDate()).toBe(1);
    expect(new Date(q.to!).getMonth()).toBe(3); // 1 April, local: the 31st is included
    expect(q.before).toBe('c1');
  });
  it('ignores malformed dates', () => {
    expect(auditQuery({ action: '', actor: '', from: '2026/03/01', to: '' }).from).toBeUndefined();
  });
});
