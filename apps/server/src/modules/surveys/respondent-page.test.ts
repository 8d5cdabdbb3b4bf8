// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import type { PublicSurvey } from '@touchpoint/shared';
import { escapeHtml, jsonForScript, renderRespondentPage } from './respondent-page.js';

const EVIL = '</script><script>alert(1)</script>';

function survey(name: string, title: string): PublicSurvey {
  return {
    publicId: 'abc123',
    name,
    status: 'live',
    definition: {
      languages: ['en', 'zh-Hant'],
      defaultLanguage: 'en',
      thankYou: { en: 'Thanks <b>!</b>' },
      questions: [{ id: 'nps', type: 'nps', title: { en: title, 'zh-Hant': '推薦' }, required: true }],
    },
  };
}

/** The text of the embedded JSON block, as the browser's HTML parser would cut it out. */
function embeddedJson(html: string): string {
  const start = html.indexOf('<script id="tp-survey" type="application/json">');
  expect(start).toBeGreaterThan(-1);
  const from = html.indexOf('>', start) + 1;
  return html.slice(from, html.indexOf('</script', from));
}

describe('renderRespondentPage', () => {
  const input = { survey: survey(EVIL, `<img src=x onerror=alert(1)> ${EVIL}`), context: { channel: 'email', note: '<!--' }, lang: 'zh-Hant', scriptUrl: '/public/respond.js' };
  const html = renderRespondentPage(input);

  it('keeps script-breaking survey text inside the JSON block', () => {
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img');
    // Only the two closing tags of our own scripts.
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    expect(JSON.parse(embeddedJson(html))).toEqual({ survey: input.survey, context: input.context });
  });

  it('escapes the title', () => {
    expect(html).toContain(`<title>${escapeHtml(EVIL)}</title>`);
    expect(html).toContain('<title>&#60;/script&#62;&#60;script&#62;alert(1)&#60;/script&#62;</title>');
  });

  it('sets the language attribute, and falls back to en for a malformed one', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-Hant">/);
    expect(html).toContain('正在載入問卷');
    const bad = renderRespondentPage({ ...input, lang: 'en" onload="alert(1)' });
    expect(bad).toContain('<html lang="en">');
    expect(bad).not.toContain('onload=');
  });

  it('has a viewport, a deferred script and the mount point', () => {
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">');
    expect(html).toContain('<script src="/public/respond.js" defer></script>');
    expect(html).toContain('<div id="tp-root"');
  });

  it('escapes the script URL and adds a CSP nonce when given', () => {
    const page = renderRespondentPage({ ...input, scriptUrl: '/x.js?a=1&b="2"', nonce: 'n0nce' });
    expect(page).toContain('<script src="/x.js?a=1&#38;b=&#34;2&#34;" defer nonce="n0nce"></script>');
    expect(page).toContain('<style nonce="n0nce">');
  });

  it('stays small', () => {
    expect(gzipSync(renderRespondentPage(input)).length).toBeLessThan(3 * 1024);
  });
});

describe('jsonForScript', () => {
  it('round-trips every character that it escapes', () => {
    const value = { s: '<>&\u2028\u2029</script><!-- "quote"' };
    const out = jsonForScript(value);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(out)).toEqual(value);
  });
});
