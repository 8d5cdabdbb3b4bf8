/**
 * The HTML of the public survey page /s/:publicId. The page is a shell: respond.js renders the
 * survey from the JSON embedded here, so the page needs no second request before it can draw.
 * Budget: this page plus respond.js stay under 50 KB on the wire.
 */
import { pickLanguage, type PublicSurvey } from '@touchpoint/shared';

export interface RespondentPageInput {
  survey: PublicSurvey;
  /** Response context the page passes to the runner (channel, customer from an invite …). */
  context: Record<string, unknown>;
  /** Language of the page, e.g. from ?lang= or Accept-Language. */
  lang: string;
  /** URL of respond.js. */
  scriptUrl: string;
  /** CSP nonce for the inline <style> and the scripts, when the server sends a nonce-based CSP. */
  nonce?: string;
}

const PAGE_STRINGS: Record<string, { loading: string; noscript: string }> = {
  en: { loading: 'Loading the survey…', noscript: 'Please turn on JavaScript to answer this survey.' },
  'zh-Hant': { loading: '正在載入問卷…', noscript: '請啟用 JavaScript 以填寫此問卷。' },
  'zh-Hans': { loading: '正在加载问卷…', noscript: '请启用 JavaScript 以填写此问卷。' },
};

// Just enough to paint the background and a skeleton before respond.js adds the full styles.
const CRITICAL_CSS =
  'html{-webkit-text-size-adjust:100%}body{margin:0;background:#f4f5f8;color:#1b1f2a;' +
  'font:100%/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang TC","Microsoft JhengHei","Noto Sans CJK TC","Noto Sans CJK SC","Noto Sans CJK",sans-serif}' +
  '.tp-skel{max-width:36rem;margin:0 auto;padding:1.75rem 1.25rem;background:#fff;box-sizing:border-box}' +
  '.tp-skel span{display:block;height:1rem;margin-bottom:1rem;border-radius:6px;background:#e7e9ef;animation:tp-pulse 1.2s ease-in-out infinite alternate}' +
  '.tp-skel .w1{width:40%}.tp-skel .w2{width:85%;height:1.5rem}.tp-skel .w3{height:2.75rem}' +
  '@keyframes tp-pulse{to{opacity:.45}}@media(prefers-reduced-motion:reduce){.tp-skel span{animation:none}}' +
  '@media(min-width:40rem){.tp-skel{margin:2.5rem auto;padding:2rem;border-radius:16px}}' +
  '.tp-noscript{max-width:36rem;margin:1rem auto;padding:0 1.25rem}';

/** Text and attribute escaping for the few values that go into markup. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON safe inside <script type="application/json">: with no `<` the parser can never see
 * `</script>` or `<!--`, and JSON.parse turns the \u escapes back into the same text.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function renderRespondentPage(input: RespondentPageInput): string {
  const strings = PAGE_STRINGS[pickLanguage(Object.keys(PAGE_STRINGS), [input.lang], 'en')];
  const lang = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(input.lang) ? input.lang : 'en';
  const nonce = input.nonce ? ` nonce="${escapeHtml(input.nonce)}"` : '';
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<link rel="icon" href="data:,">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(input.survey.name)}</title>
<style${nonce}>${CRITICAL_CSS}</style>
<script src="${escapeHtml(input.scriptUrl)}" defer${nonce}></script>
</head>
<body>
<main>
<div id="tp-root" aria-busy="true">
<div class="tp-skel" role="status" aria-label="${escapeHtml(strings.loading)}"><span class="w1"></span><span class="w2"></span><span class="w3"></span><span class="w3"></span></div>
<noscript><p class="tp-noscript">${escapeHtml(strings.noscript)}</p></noscript>
</div>
</main>
<script id="tp-survey" type="application/json">${jsonForScript({ survey: input.survey, context: input.context })}</script>
</body>
</html>
`;
}
