// @vitest-environment node
/** The case rule form: draft → CaseRuleInput and back, and problems named at the server's paths. */
import { describe, expect, it } from 'vitest';
import type { CaseRule } from '@touchpoint/shared';
import { checkRule, draftToBody, emptyRule, intOf, newCondition, presetCondition, ruleDraft, ruleInputOf, SCORE_PRESETS, splitList, type RuleDraft } from './rule-draft';

const draft = (patch: Partial<RuleDraft>): RuleDraft => ({ ...emptyRule(), name: 'Detractors', ...patch });

describe('case rule draft', () => {
  it('turns every kind of condition and the actions into the contract body', () => {
    const d = draft({
      match: 'all',
      conditions: [
        presetCondition(SCORE_PRESETS[2]),
        { ...newCondition('sentiment'), kind: 'sentiment', theme: 'delivery' } as RuleDraft['conditions'][number],
        newCondition('sentiment'),
        newCondition('cue'),
        { uid: 'm', kind: 'metadata', key: ' plan ', op: 'in', value: 'pro，enterprise、 team' },
        { uid: 'h', kind: 'history', count: ' 3 ', days: '14' },
      ],
      priority: 'high', teamId: 't1', assign: 'user', assignUserId: 'u9', tags: 'vip, billing\nvip2',
      emails: 'Lead@Example.com; ops@example.com', webhookUrl: ' https://hooks.example.com/x ', webhookSecret: 'a-secret-of-16-chars',
    });
    const { body, errors } = checkRule(d);
    expect(errors).toEqual({});
    expect(body).toEqual({
      name: 'Detractors', enabled: true,
      trigger: { match: 'all', conditions: [
        { kind: 'score', metric: 'ces', op: 'gte', value: 5 },
        { kind: 'sentiment', theme: 'delivery' },
        { kind: 'sentiment' },
        { kind: 'cue', cue: 'anger' },
        { kind: 'metadata', key: 'plan', op: 'in', value: ['pro', 'enterprise', 'team'] },
        { kind: 'history', count: 3, days: 14 },
      ] },
      actions: {
        priority: 'high', teamId: 't1', assign: { userId: 'u9' }, tags: ['vip', 'billing', 'vip2'],
        notifyEmails: ['lead@example.com', 'ops@example.com'], webhookUrl: 'https://hooks.example.com/x', webhookSecret: 'a-secret-of-16-chars',
      },
    });
  });

  it('reads a saved rule back into the same draft, keeping the secret out', () => {
    const d = draft({ conditions: [{ uid: 'a', kind: 'metadata', key: 'plan', op: 'eq', value: 'pro' }], assign: 'none', tags: 'a, b', emails: 'x@example.com', webhookUrl: 'https://h.example.com', webhookSecret: 'a-secret-of-16-chars' });
    const { body } = checkRule(d);
    const { webhookSecret: _secret, ...actions } = body!.actions!;
    const rule = { id: 'r1', position: 0, matches: 0, lastMatchedAt: null, createdAt: '', updatedAt: '', ...body, actions: { ...actions, hasWebhookSecret: true } } as unknown as CaseRule;
    const back = ruleDraft(rule);
    expect({ ...back, conditions: back.conditions.map(({ uid: _u, ...c }) => c) }).toEqual({
      ...d, conditions: [{ kind: 'metadata', key: 'plan', op: 'eq', value: 'pro' }], webhookSecret: '',
    });
    // An empty secret box while editing keeps the stored secret: it is not sent.
    expect(draftToBody(back).actions).not.toHaveProperty('webhookSecret');
    expect(ruleInputOf(rule, false)).toEqual({ name: 'Detractors', enabled: false, trigger: rule.trigger, actions });
  });

  it('names what is wrong at the paths the server uses', () => {
    const { body, errors } = checkRule(draft({
      name: ' ',
      conditions: [
        { uid: 'a', kind: 'score', metric: 'nps', op: 'lte', value: '6.5' },
        { uid: 'b', kind: 'metadata', key: 'bad key', op: 'eq', value: 'x' },
        { uid: 'c', kind: 'history', count: '1', days: '400' },
      ],
      emails: 'ok@example.com nope ok@example.com', webhookUrl: 'ftp://x.example.com', webhookSecret: 'short',
      assign: 'user', assignUserId: '',
    }));
    expect(body).toBeNull();
    expect(Object.keys(errors).sort()).toEqual([
      'actions.assign', 'actions.notifyEmails', 'actions.notifyEmails[1]', 'actions.webhookSecret', 'actions.webhookUrl',
      'name', 'trigger.conditions[0].value', 'trigger.conditions[1].key', 'trigger.conditions[2].count', 'trigger.conditions[2].days',
    ]);
    expect(errors['actions.notifyEmails']).toBe('each address once');
    expect(errors['trigger.conditions[1].key']).toBe('letters, digits, _ . : - (1–64)');
  });

  it('needs at least one condition', () => {
    expect(Object.keys(checkRule(draft({ conditions: [] })).errors)).toEqual(['trigger.conditions']);
  });

  it('reads numbers and lists as typed', () => {
    expect([intOf(' 12 '), intOf('-3'), intOf('1.5'), intOf(''), intOf('7a')]).toEqual([12, -3, Number.NaN, Number.NaN, Number.NaN]);
    expect(splitList(' a, b ;c\n\n、d，e ')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
