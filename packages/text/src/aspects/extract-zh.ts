/**
 * Chinese key phrases without labelled data or a POS tagger: runs of content tokens from a word
 * segmenter (tokens that are not stop words, numbers, or sentiment/degree words), up to three
 * tokens, plus a seed list of customer-experience aspects found anywhere in the text. Matching is
 * on text folded to Simplified, so 繁體 and 简体 give the same phrases; spans point into the
 * original text.
 */
import { fold } from '../themes/fold.js';
import { INTENSIFIERS_ZH, LEXICON_ZH, NEGATORS_ZH } from './lexicon.js';

export type Tokenize = (text: string) => string[];

/** Common CX aspects, Simplified (texts are folded before matching). */
export const SEED_ASPECTS_ZH = [
  '物流', '快递', '快递员', '配送', '送货', '发货', '包装', '运费', '客服', '售后', '售后服务', '退款', '退货', '换货', '价格', '价钱',
  '性价比', '服务', '服务态度', '态度', '服务员', '店员', '员工', '前台', '经理', '质量', '品质', '做工', '味道', '口味',
  '菜品', '分量', '环境', '卫生', '位置', '房间', '早餐', '设施', '速度', '效率', '排队', '等待时间', '订单', '优惠券',
  '会员', '积分', 'app', '应用', '网站', '页面', '系统', '登录', '支付', '付款', '发票', '尺码', '颜色', '电池', '屏幕',
  '保修', '维修', '安装', '客服电话', '热线',
].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));

const STOP = new Set(
  ('的 了 着 过 是 在 有 和 与 跟 及 或 也 都 就 还 又 才 再 更 最 已经 已 一直 一起 我 我们 你 你们 您 他 她 它 他们 她们 它们 自己 大家 人家 ' +
    '这 那 这个 那个 这些 那些 这里 那里 这次 那次 这家 那家 这样 那样 这么 那么 什么 怎么 怎样 为什么 哪 哪里 谁 吗 呢 吧 啊 呀 哦 嘛 啦 哈 ' +
    '个 次 件 些 点 种 位 家 把 被 让 给 对 从 向 到 于 为 因为 所以 如果 但 但是 可是 不过 而且 然后 还是 而 却 虽然 就是 只是 真是 ' +
    '说 觉得 感觉 认为 知道 想 要 会 能 可以 应该 需要 希望 建议 意见 请 用 做 去 来 买 卖 拿 看 等 找 打 问 告诉 收到 处理 申请 提交 联系 回复 解决 ' +
    '尽快 赶紧 赶快 立即 今天 昨天 明天 现在 以前 之前 以后 之后 后来 刚才 马上 立刻 时候 时间 时 当天 隔天 第二天 星期 礼拜 结果 想象 想像 一下 一点 一些 有点 东西 事情 地方 方面 情况 问题 才 才到 到了 ' +
    '没 没有 不 别 很 太 非常 特别 真的 挺 比较 好像 一定 肯定 完全 根本 总是 经常 每次 第一次 还有 另外 其他 所有 整个 一个 两个')
    .split(/\s+/),
);
/** Adjectives and degree words that describe an aspect rather than name one. */
const DESCRIPTORS = new Set(
  ('仔细 认真 复杂 简单 丰富 齐全 容易 困难 难 高 低 大 小 多 少 长 短 久 新 旧 重 轻 厚 薄 硬 软 热 凉 咸 淡 甜 辣 酸 苦 ' +
    '一般 普通 正常 及时 准时 清楚 明显 严重 偏 有些 稍微 略 蛮 相当 极 超 好 真').split(/\s+/),
);
const NUMERIC = /^[\d０-９一二三四五六七八九十百千万两几半第]+[天个次分钟小时周月年块元号点秒人份件楼层单]*$/u;
const UNITS = new Set(['分钟', '小时', '天', '周', '月', '年', '块', '元', '秒']);
const DEMONSTRATIVE = /^(?:这家|那家|这个|那个|这位|那位|这款|那款|这次|这|那|该|本|贵)/u;
const CONTENT = /^(?:\p{Script=Han}+|[a-z][a-z0-9]+)$/u;
const MAX_TOKENS = 3;
const MAX_CHARS = 8;

export interface KeyPhrase {
  phrase: string;
  start: number;
  end: number;
  source: 'seed' | 'pattern';
}

/** Sentiment, degree and negation words are not key phrases ("太慢", "很差", "不错", "丰富"). */
export function isSentimentZh(tok: string): boolean {
  if (DESCRIPTORS.has(tok)) return true;
  if (LEXICON_ZH.some(([w]) => (w.length >= 2 ? tok.includes(w) : tok === w))) return true;
  // Verb complements with a negation inside ("看不懂", "打不通", "用不了") describe, they do not name.
  if (tok.length <= 4 && /.[不没]./u.test(tok)) return true;
  if (tok.length <= 3) {
    for (const k of INTENSIFIERS_ZH.keys()) if (tok.startsWith(k) && tok.length > k.length) return true;
    if (NEGATORS_ZH.some((n) => tok.startsWith(n))) return true;
  }
  return false;
}

export function isContentZh(tok: string): boolean {
  return CONTENT.test(tok) && !STOP.has(tok) && !NUMERIC.test(tok) && !UNITS.has(tok) && !isSentimentZh(tok);
}

/** Locates segmenter tokens in the folded text (tokens are folded too), skipping what is not found. */
function locate(folded: string, tokens: string[]): Array<{ tok: string; start: number; end: number }> {
  const out: Array<{ tok: string; start: number; end: number }> = [];
  let from = 0;
  for (const raw of tokens) {
    const tok = fold(raw).trim();
    if (tok === '') continue;
    const at = folded.indexOf(tok, from);
    if (at < 0) continue;
    out.push({ tok, start: at, end: at + tok.length });
    from = at + tok.length;
  }
  return out;
}

/** The seed a word or phrase starts with when only a describing word follows ("性价比高" → 性价比). */
export function seedBeforeDescriptor(text: string): string | undefined {
  return SEED_ASPECTS_ZH.find((k) => text.startsWith(k) && text.length > k.length && isSentimentZh(text.slice(k.length)));
}

/** The start of [start, end) after a leading demonstrative ("这家店" → 店), if anything is left. */
export function trimDemonstrative(folded: string, start: number, end: number): number {
  const demo = DEMONSTRATIVE.exec(folded.slice(start, end));
  return demo && end - start > demo[0].length ? start + demo[0].length : start;
}

export function extractKeyPhrasesZh(text: string, tokenize: Tokenize): KeyPhrase[] {
  const folded = fold(text);
  // Segment the folded text: segmenter dictionaries are mostly Simplified, and this keeps 繁 and 简 alike.
  const toks = locate(folded, tokenize(folded));
  const found: KeyPhrase[] = [];
  let i = 0;
  while (i < toks.length) {
    if (!isContentZh(toks[i].tok)) { i++; continue; }
    let j = i + 1;
    while (j < toks.length && j - i < MAX_TOKENS && toks[j].start === toks[j - 1].end && isContentZh(toks[j].tok)
      && toks[j].end - toks[i].start <= MAX_CHARS) j++;
    let start = toks[i].start;
    const end = toks[j - 1].end;
    start = trimDemonstrative(folded, start, end);
    let phrase = folded.slice(start, end);
    // A seed followed only by a describing word ("性价比高", "价格贵") is the seed.
    const seed = seedBeforeDescriptor(phrase);
    let stop = end;
    if (seed) { stop = start + seed.length; phrase = seed; }
    const han = [...phrase].filter((c) => /\p{Script=Han}/u.test(c)).length;
    if ((han >= 2 || /^[a-z][a-z0-9]+$/u.test(phrase)) && !isSentimentZh(phrase)) {
      found.push({ phrase: text.slice(start, stop), start, end: stop, source: 'pattern' });
    }
    i = j;
  }
  // Seeds the segmenter split differently, or that sit inside a longer non-content token.
  for (const seed of SEED_ASPECTS_ZH) {
    let from = 0;
    for (;;) {
      const at = folded.indexOf(seed, from);
      if (at < 0) break;
      from = at + seed.length;
      const end = at + seed.length;
      if (found.some((p) => p.start < end && at < p.end)) continue;
      found.push({ phrase: text.slice(at, end), start: at, end, source: 'seed' });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  for (const p of found) if (p.source === 'pattern' && SEED_ASPECTS_ZH.includes(fold(p.phrase))) p.source = 'seed';
  return found;
}
