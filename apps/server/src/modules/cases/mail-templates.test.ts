import * as OpenCC from 'opencc-js';
import { ReplyTemplate, UI_LANGUAGES } from '@touchpoint/shared';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, pickTemplateLanguage, renderTemplate } from './mail-templates.js';

const vars = { customerName: 'Jane Doe', caseNumber: 42, agentName: 'Mei Lin', workspaceName: 'Acme Tea' };

describe('renderTemplate', () => {
  it('fills every variable, with or without spaces inside the braces', () => {
    const out = renderTemplate(
      { subject: 'Case {{case.number}} for {{ customer.name }}', body: 'Hi {{customer.name}},\n{{agent.name}} at {{workspace.name}}' },
      vars,
    );
    expect(out).toEqual({ subject: 'Case 42 for Jane Doe', body: 'Hi Jane Doe,\nMei Lin at Acme Tea', missing: [] });
  });

  it('uses the inline fallback when a value is missing, and the value when there is one', () => {
    const tpl = { subject: 'Hello', body: 'Hi {{customer.name|there}},\n{{customer.name|}}您好：\n— {{agent.name|The team}}' };
    expect(renderTemplate(tpl, { ...vars, customerName: null, agentName: '  ' }).body).toBe('Hi there,\n您好：\n— The team');
    expect(renderTemplate(tpl, vars).body).toBe('Hi Jane Doe,\nJane Doe您好：\n— Mei Lin');
  });

  it('drops an empty value with the space before it when punctuation or the line end follows', () => {
    const tpl = { subject: 'For {{customer.name}}', body: 'Hi {{customer.name}}, thanks.\nDear {{customer.name}}\nRegards from {{workspace.name}} and me' };
    const out = renderTemplate(tpl, { caseNumber: 1 });
    expect(out.subject).toBe('For');
    expect(out.body).toBe('Hi, thanks.\nDear\nRegards from and me');
  });

  it('leaves unknown variables visible and lists each once', () => {
    const out = renderTemplate({ subject: 'Order {{order.id}}', body: '{{order.id|your order}} and {{ survey.link }} for {{customer.name}}' }, vars);
    expect(out.subject).toBe('Order {{order.id}}');
    expect(out.body).toBe('{{order.id|your order}} and {{ survey.link }} for Jane Doe');
    expect(out.missing).toEqual(['order.id', 'survey.link']);
  });

  it('keeps a value on one line', () => {
    const out = renderTemplate({ subject: 'Re: {{customer.name}}', body: 'x' }, { ...vars, customerName: 'Jane\r\nBcc: evil@example.com' });
    expect(out.subject).toBe('Re: Jane Bcc: evil@example.com');
  });
});

describe('pickTemplateLanguage', () => {
  const all = [...UI_LANGUAGES];
  it.each([
    ['zh-TW', 'zh-Hant'], ['zh-HK', 'zh-Hant'], ['zh-MO', 'zh-Hant'], ['zh-Hant', 'zh-Hant'], ['zh-Hant-TW', 'zh-Hant'], ['zh_tw', 'zh-Hant'], ['yue', 'zh-Hant'],
    ['zh', 'zh-Hans'], ['zh-CN', 'zh-Hans'], ['zh-SG', 'zh-Hans'], ['zh-Hans', 'zh-Hans'], ['zh-Hans-CN', 'zh-Hans'],
    ['en-GB', 'en'], ['fr', 'en'], ['', 'en'], [null, 'en'], [undefined, 'en'],
  ])('%s → %s', (lang, expected) => {
    expect(pickTemplateLanguage(lang, all)).toBe(expected);
  });

  it('falls back to English when the template lacks the language, then to what it has', () => {
    expect(pickTemplateLanguage('zh-TW', ['en', 'zh-Hans'])).toBe('en');
    expect(pickTemplateLanguage('zh-CN', ['en'])).toBe('en');
    expect(pickTemplateLanguage('fr', ['zh-Hant'])).toBe('zh-Hant');
  });
});

describe('DEFAULT_TEMPLATES', () => {
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

  it('are valid reply templates in all three languages with unique ids', () => {
    expect(DEFAULT_TEMPLATES.length).toBeGreaterThanOrEqual(3);
    expect(new Set(DEFAULT_TEMPLATES.map((t) => t.id)).size).toBe(DEFAULT_TEMPLATES.length);
    for (const t of DEFAULT_TEMPLATES) {
      expect(ReplyTemplate.parse(t)).toEqual(t);
      for (const lang of UI_LANGUAGES) expect(t.bodies[lang], `${t.id} ${lang}`).toBeDefined();
    }
  });

  it('use no unknown variables and read without a customer name', () => {
    for (const t of DEFAULT_TEMPLATES) {
      for (const lang of UI_LANGUAGES) {
        const out = renderTemplate(t.bodies[lang]!, { caseNumber: 7, customerName: null, agentName: null });
        expect(out.missing, `${t.id} ${lang}`).toEqual([]);
        expect(out.body).not.toMatch(/\{\{|\}\}|^\s*[,，：:]|\s[,，]/m);
        if (lang === 'en') expect(out.body).toMatch(/^Hi there,/);
        else expect(out.body).toMatch(/^您好：/);
      }
    }
  });

  it('write Traditional with Traditional characters and Simplified with Simplified ones', () => {
    for (const t of DEFAULT_TEMPLATES) {
      const hant = t.bodies['zh-Hant']!;
      const hans = t.bodies['zh-Hans']!;
      for (const s of [hant.subject, hant.body]) expect(toTraditional(s), `${t.id} zh-Hant`).toBe(s);
      for (const s of [hans.subject, hans.body]) expect(toSimplified(s), `${t.id} zh-Hans`).toBe(s);
      expect(toSimplified(hant.body)).not.toBe(hant.body); // really Chinese in the other script, not a copy
    }
  });
});
