// @vitest-environment node
/** Case settings and agent rows: drafts ↔ the contract bodies, at the server's paths. */
import { describe, expect, it } from 'vitest';
import type { Agent, CaseSettings } from '@touchpoint/shared';
import { addSkills, agentDraft, checkAgent, loadShare, sameDraft, toggleLanguage } from './agent-draft';
import { checkSettings, keyFromName, newTemplate, settingsDraft } from './settings-draft';

const saved: CaseSettings = {
  statuses: [{ key: 'on_hold', names: { en: 'On hold', 'zh-Hant': '暫停' }, category: 'waiting' }],
  resolutionCodes: ['Refunded', 'Explained'],
  templates: [{ id: 'apology', name: 'Apology', bodies: { en: { subject: 'Sorry, {{customer.name}}', body: 'Case {{case.number}}' } } }],
  resurveyByDefault: true, resurveySurveyId: null, inboundUrl: 'https://tp.example.com/api/public/cases/inbound/abc', replyAddress: 'cases@tp.example.com',
};

describe('case settings draft', () => {
  it('sends back what it read, leaving out languages with no text', () => {
    const { body, errors } = checkSettings(settingsDraft(saved));
    expect(errors).toEqual({});
    expect(body).toEqual({ statuses: saved.statuses, resolutionCodes: saved.resolutionCodes, templates: saved.templates, resurveyByDefault: true });
  });

  it('keeps a language once it has a subject or a body', () => {
    const d = settingsDraft(saved);
    d.templates[0].bodies['zh-Hans'].body = '你好 {{customer.name}}';
    expect(checkSettings(d).body!.templates[0].bodies['zh-Hans']).toEqual({ subject: '', body: '你好 {{customer.name}}' });
  });

  it('names problems at the server’s paths', () => {
    const d = settingsDraft(saved);
    d.statuses.push({ key: 'closed', names: { en: 'Done', 'zh-Hant': '', 'zh-Hans': '' }, category: 'resolved' }, { key: 'Bad Key', names: { en: '', 'zh-Hant': '', 'zh-Hans': '' }, category: 'open' });
    d.templates.push({ ...newTemplate(d.templates), id: 'apology', name: 'Again' });
    d.resolutionCodes = [];
    const { body, errors } = checkSettings(d);
    expect(body).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['resolutionCodes', 'statuses[1].key', 'statuses[2].key', 'statuses[2].names.en', 'templates']);
    expect(errors['statuses[1].key']).toBe('a built-in status');
    expect(errors.templates).toBe('each id once');
  });

  it('suggests keys from names and fresh template ids', () => {
    expect(keyFromName('Waiting on vendor')).toBe('waiting_on_vendor');
    expect(keyFromName('  Réouvert — 2nd try!')).toBe('reouvert_2nd_try');
    expect(keyFromName('42 days late')).toBe('days_late');
    expect(keyFromName('等待廠商')).toBe('');
    expect(keyFromName('x')).toBe('');
    expect(newTemplate([{ ...newTemplate([]), id: 'template_2' }]).id).toBe('template_3');
  });
});

describe('agent rows', () => {
  const agent: Agent = { userId: 'u1', name: 'Mei', email: 'mei@example.com', teamId: 't1', languages: ['zh-Hant', 'en'], skills: ['region:tw'], capacity: 20, availability: 'online', openCases: 25 };

  it('edits languages in the UI order and skills once each', () => {
    expect(toggleLanguage(['zh-Hans'], 'en', true)).toEqual(['en', 'zh-Hans']);
    expect(toggleLanguage(['en', 'zh-Hans'], 'en', false)).toEqual(['zh-Hans']);
    expect(addSkills(['region:tw'], 'product:app, region:tw，  vip   tier ')).toEqual(['region:tw', 'product:app', 'vip tier']);
  });

  it('makes the PUT body with the saved availability, and notices changes', () => {
    const d = agentDraft(agent);
    expect(sameDraft(d, agentDraft(agent))).toBe(true);
    expect(sameDraft({ ...d, languages: ['en', 'zh-Hant'] }, d)).toBe(true); // the same set
    expect(sameDraft({ ...d, capacity: '21' }, d)).toBe(false);
    expect(checkAgent({ ...d, teamId: '' }, 'away')).toEqual({ body: { teamId: null, languages: ['zh-Hant', 'en'], skills: ['region:tw'], capacity: 20, availability: 'away' }, errors: {} });
    expect(Object.keys(checkAgent({ ...d, capacity: '0' }, 'online').errors)).toEqual(['capacity']);
    expect(Object.keys(checkAgent({ ...d, capacity: 'ten' }, 'online').errors)).toEqual(['capacity']);
  });

  it('fills the load bar by open cases over capacity, full when past it', () => {
    expect(loadShare(5, 20)).toBe(0.25);
    expect(loadShare(25, 20)).toBe(1);
    expect(loadShare(0, 0)).toBe(1);
  });
});
