// @vitest-environment node
/** Reply templates: the body in the customer's language, variables filled as the server's own renderer fills them. */
import { describe, expect, it } from 'vitest';
import { ReplyTemplate } from '@touchpoint/shared';
import { fillTemplate, hasPlaceholders, renderTemplate, replyLanguage, templateBody } from './templates';

const tpl = ReplyTemplate.parse({
  id: 'refund',
  name: 'Refund on its way',
  bodies: {
    en: { subject: 'About case {{case.number}}', body: 'Hi {{customer.name|there}},\nYour refund is on its way.  \n{{agent.name|The care team}}\n{{workspace.name|}}' },
    'zh-Hant': { subject: '案件 {{ case.number }}', body: '{{customer.name|}}您好：\n退款已在處理中。\n{{agent.name|客服團隊}} 敬上' },
  },
});
const amy = { customerName: 'Amy Chen', caseNumber: 42, agentName: 'Mei', workspaceName: 'Lotus Mart' };
const nobody = { customerName: null, caseNumber: 7, agentName: null, workspaceName: null };

describe('templates', () => {
  it('picks the customer language, close variants included, never the other Chinese script', () => {
    expect(templateBody(tpl, 'zh-Hant')?.language).toBe('zh-Hant');
    expect(templateBody(tpl, 'zh-TW')?.language).toBe('zh-Hant');
    expect(templateBody(tpl, 'zh_HK')?.language).toBe('zh-Hant');
    expect(templateBody(tpl, 'yue')?.language).toBe('zh-Hant');
    expect(templateBody(tpl, 'zh-Hans')?.language).toBe('en');
    expect(templateBody(tpl, 'ja')?.language).toBe('en');
    expect(templateBody(tpl, null)?.language).toBe('en');
  });

  it('falls back to any language the template has, and to nothing for an empty one', () => {
    const zhOnly = ReplyTemplate.parse({ id: 'z', name: 'z', bodies: { 'zh-Hans': { subject: '', body: '您好' }, en: { subject: ' ', body: '  ' } } });
    expect(templateBody(zhOnly, 'en')).toEqual({ language: 'zh-Hans', subject: '', body: '您好' });
    expect(templateBody(ReplyTemplate.parse({ id: 'e', name: 'e', bodies: {} }), 'en')).toBeNull();
  });

  it('maps language tags to the UI languages', () => {
    expect(replyLanguage('zh-CN')).toBe('zh-Hans');
    expect(replyLanguage('zh-Hant-TW')).toBe('zh-Hant');
    expect(replyLanguage('zh')).toBe('zh-Hans');
    expect(replyLanguage('en-GB')).toBe('en');
    expect(replyLanguage('fr')).toBeNull();
    expect(replyLanguage(undefined)).toBeNull();
  });

  it('fills the variables, spaces inside the braces allowed', () => {
    expect(renderTemplate(tpl.bodies.en!, amy)).toEqual({ subject: 'About case 42', body: 'Hi Amy Chen,\nYour refund is on its way.\nMei\nLotus Mart', missing: [] });
    expect(renderTemplate(tpl.bodies['zh-Hant']!, amy)).toEqual({ subject: '案件 42', body: 'Amy Chen您好：\n退款已在處理中。\nMei 敬上', missing: [] });
  });

  it('writes the fallback for a missing value, or nothing and the space before it', () => {
    expect(renderTemplate(tpl.bodies.en!, nobody).body).toBe('Hi there,\nYour refund is on its way.\nThe care team');
    expect(renderTemplate(tpl.bodies['zh-Hant']!, nobody).body).toBe('您好：\n退款已在處理中。\n客服團隊 敬上');
    expect(fillTemplate('Hi {{customer.name}}, thanks', nobody)).toBe('Hi, thanks');
    expect(fillTemplate('Dear {{customer.name}} team', nobody)).toBe('Dear team');
    expect(fillTemplate('Hi {{customer.name}}您好', nobody)).toBe('Hi 您好'); // a word follows at once: the space stays
    expect(fillTemplate('Hi {{customer.name}}', { ...amy, customerName: '  Amy\nChen ' })).toBe('Hi Amy Chen');
  });

  it('leaves unknown variables as typed, so the agent sees them', () => {
    expect(fillTemplate('Order {{order.id}} / case {{case.number}}', amy)).toBe('Order {{order.id}} / case 42');
  });

  it('sees known variables still to be filled', () => {
    expect(hasPlaceholders('Hi {{customer.name}}')).toBe(true);
    expect(hasPlaceholders('Hi {{ customer.name | there }}')).toBe(true);
    expect(hasPlaceholders('Hi {{order.id}}')).toBe(false);
    expect(hasPlaceholders('Hi {customer.name}')).toBe(false);
    expect([hasPlaceholders('{{case.number}}'), hasPlaceholders('{{case.number}}')]).toEqual([true, true]);
  });
});
