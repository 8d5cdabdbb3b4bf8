/**
 * What an alert says: the email (plain text and HTML, in the workspace's language with English
 * or Chinese alongside, so a mixed team reads it either way) and the webhook's JSON, signed.
 * Pure functions: the delivery service gathers the names and sends.
 */
import crypto from 'node:crypto';
import type { AlertEvent, AlertMetric } from '@touchpoint/shared';

export interface AlertContext {
  event: AlertEvent;
  workspace: { id: string; name: string; language: 'en' | 'zh-Hant' | 'zh-Hans' };
  /** The survey of the rule's segment, when it has one and it still exists. */
  surveyName: string | null;
  dashboardUrl: string;
}

type Lang = 'en' | 'zh-Hant' | 'zh-Hans';

const METRIC: Record<Lang, Record<AlertMetric, string>> = {
  en: { nps: 'NPS', csat: 'CSAT', ces: 'CES', sentiment: 'Sentiment', responses: 'Responses' },
  'zh-Hant': { nps: 'NPS', csat: 'CSAT', ces: 'CES', sentiment: '情緒', responses: '回覆數' },
  'zh-Hans': { nps: 'NPS', csat: 'CSAT', ces: 'CES', sentiment: '情绪', responses: '回复数' },
};

/** NPS with its sign, CSAT as a percentage (one decimal at most), CES with two at most, sentiment signed with two, counts whole. */
export function formatValue(metric: AlertMetric, v: number | null): string {
  if (v === null) return '–';
  const round = (x: number, digits: number) => String(Number(x.toFixed(digits)));
  if (metric === 'nps') return `${v > 0 ? '+' : v < 0 ? '−' : ''}${round(Math.abs(v), 1)}`;
  if (metric === 'csat') return `${round(v, 1)}%`;
  if (metric === 'ces') return round(v, 2);
  if (metric === 'sentiment') return `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(2)}`;
  return String(Math.round(v));
}

function copy(lang: Lang, c: AlertContext) {
  const e = c.event, m = e.rule.metric, f = (v: number) => formatValue(m, v);
  const value = formatValue(m, e.value);
  const w = e.window;
  const days = w.from === w.to ? w.from : `${w.from} – ${w.to}`;
  const x = e.expected;
  const zhT = lang === 'zh-Hant';
  const seg = [
    e.rule.filters.surveyId ? (lang === 'en' ? `survey "${c.surveyName ?? e.rule.filters.surveyId}"` : `${zhT ? '問卷' : '问卷'}「${c.surveyName ?? e.rule.filters.surveyId}」`) : null,
    e.rule.filters.channel ? `${lang === 'en' ? 'channel' : zhT ? '管道' : '渠道'} ${e.rule.filters.channel}` : null,
    e.rule.filters.meta ? `${e.rule.filters.meta.key} = ${e.rule.filters.meta.value}` : null,
  ].filter(Boolean).join(' · ') || (lang === 'en' ? 'all responses' : zhT ? '全部回覆' : '全部回复');
  if (lang === 'en') {
    const span = w.complete ? (w.interval === 'week' ? 'a whole week' : w.from === w.to ? 'a whole day' : `${daysIn(w)} whole days`)
      : w.interval === 'total' ? (w.from === w.to ? 'today so far' : `the last ${daysIn(w)} days`) : w.interval === 'day' ? 'today so far' : 'this week so far';
    const why = !x ? '' : x.kind === 'threshold' ? `, ${x.operator} the threshold of ${f(x.value)}`
      : `, outside its normal range of ${f(x.low)} to ${f(x.high)} (mean ${f(x.mean)} ± ${x.sigmas} sd of the previous ${x.baseline.length} ${w.interval === 'week' ? 'weeks' : 'days'})`;
    return {
      subject: `${e.test ? '[Test] ' : ''}Touchpoint alert: ${e.rule.name} — ${METRIC.en[m]} ${value} (n = ${e.n})`,
      lines: [
        ...(e.test ? ['This is a test of the alert below: nothing has necessarily crossed a limit.'] : []),
        `Alert "${e.rule.name}" fired in workspace "${c.workspace.name}".`,
        `${METRIC.en[m]} is ${value} (n = ${e.n}) for ${days} (${span})${why}.`,
        `Segment: ${seg}`,
        `Fired at: ${e.firedAt}`,
      ],
      open: 'Open the dashboard:',
    };
  }
  const span = w.complete ? (w.interval === 'week' ? (zhT ? '整週' : '整周') : w.from === w.to ? (zhT ? '全日' : '全天') : `整整 ${daysIn(w)} 天`)
    : w.interval === 'total' ? (w.from === w.to ? '今日至今' : `最近 ${daysIn(w)} 天`) : w.interval === 'day' ? '今日至今' : zhT ? '本週至今' : '本周至今';
  const unit = w.interval === 'week' ? (zhT ? '週' : '周') : '天';
  const why = !x ? '' : x.kind === 'threshold'
    ? `，${x.operator === 'below' ? (zhT ? '低於門檻' : '低于阈值') : (zhT ? '高於門檻' : '高于阈值')} ${f(x.value)}`
    : `，${zhT ? '超出正常範圍' : '超出正常范围'} ${f(x.low)} 至 ${f(x.high)}（前 ${x.baseline.length} ${unit}平均 ${f(x.mean)} ± ${x.sigmas} ${zhT ? '個標準差' : '个标准差'}）`;
  return {
    subject: `${e.test ? (zhT ? '［測試］' : '［测试］') : ''}Touchpoint ${zhT ? '警示' : '警报'}：${e.rule.name} — ${METRIC[lang][m]} ${value}（n = ${e.n}）`,
    lines: [
      ...(e.test ? [zhT ? '這是下列警示的測試，不代表數值已越過界限。' : '这是下列警报的测试，不代表数值已越过界限。'] : []),
      zhT ? `警示「${e.rule.name}」已在工作區「${c.workspace.name}」觸發。` : `警报「${e.rule.name}」已在工作区「${c.workspace.name}」触发。`,
      `${METRIC[lang][m]} ${zhT ? '為' : '为'} ${value}（n = ${e.n}），${zhT ? '期間' : '期间'} ${days}（${span}）${why}。`,
      `${zhT ? '區隔' : '细分'}：${seg}`,
      `${zhT ? '觸發時間' : '触发时间'}：${e.firedAt}`,
    ],
    open: zhT ? '開啟儀表板：' : '打开仪表板：',
  };
}

const daysIn = (w: { from: string; to: string }) => Math.round((Date.parse(`${w.to}T00:00:00Z`) - Date.parse(`${w.from}T00:00:00Z`)) / 86_400_000) + 1;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The workspace's language first; English readers get Chinese below, Chinese readers English. */
export function alertEmail(c: AlertContext): { subject: string; text: string; html: string } {
  const first = c.workspace.language;
  const second: Lang = first === 'en' ? 'zh-Hant' : 'en';
  const blocks = [copy(first, c), copy(second, c)];
  const text = blocks.map((b) => [...b.lines, '', `${b.open}${b.open.endsWith('：') ? '' : ' '}${c.dashboardUrl}`].join('\n')).join('\n\n————\n\n') + '\n';
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5">${blocks.map((b) =>
    `${b.lines.map((l) => `<p style="margin:0 0 8px">${escapeHtml(l)}</p>`).join('')}<p><a href="${escapeHtml(c.dashboardUrl)}">${escapeHtml(b.open.replace(/[:：]$/, ''))}</a></p>`,
  ).join('<hr style="border:0;border-top:1px solid #ddd;margin:16px 0">')}</body></html>`;
  return { subject: blocks[0].subject, text, html };
}

/** The webhook's body: the alert as stored, with the workspace and a link back. */
export function webhookPayload(c: AlertContext) {
  const e = c.event;
  return {
    event: 'alert.fired', id: e.id, test: e.test, firedAt: e.firedAt,
    workspace: { id: c.workspace.id, name: c.workspace.name },
    rule: { id: e.ruleId, ...e.rule },
    value: e.value, n: e.n, window: e.window, expected: e.expected, link: c.dashboardUrl,
  };
}

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`: the timestamp in the MAC stops replays of old bodies. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
