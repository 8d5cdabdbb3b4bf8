import { describe, it, expect } from 'vitest';
import { BatchResponse, SurveyInput, nps, validateAnswers, type SurveyDefinition } from '@touchpoint/shared';
import { DEMO_SURVEYS } from './demo-surveys.js';
import { generateDemoResponses, type DemoResponse } from './demo-generator.js';
import { DEMO_LANGUAGES, SENTIMENTS, THEMES, composeComment, corpusComments, type Sentiment } from './demo-corpus.js';

const NOW = new Date('2025-06-30T12:00:00.000Z');
const YEAR_MS = 365 * 86_400_000;
const surveys = DEMO_SURVEYS.map((s, i) => ({ id: `srv_${i + 1}`, definition: SurveyInput.parse(s).definition }));
const defById = new Map<string, SurveyDefinition>(surveys.map((s) => [s.id, s.definition]));

// Characters that exist in only one script (ambiguous ones such as 后/里/只/台/系 left out).
const TRAD_ONLY = '們這說體務貨個來時會對為還麼過東車門開關見長給讓頭覺點問題買賣錢價單號無與實發現幾從應當經將產質費電話網頁聯線帳戶運報滿動語爛壓顯錯誤貴態處紀錄閃選彈煩尋縮圖塊剛別碼結講禮機轉聽謝換貼斷護級鮮裝歡簡訊兩雙嗎學員紅藍綠沒裡後雲準囉優';
const SIMP_ONLY = '们这说体务货个来时会对为还么过东车门开关见长给让头觉点问题买卖钱价单号无与实发现几从应当经将产质费电话网页联线账户运报满动语烂压显错误贵态处纪录闪选弹烦寻缩图块刚别码结讲礼机转听谢换贴断护级鲜装欢简讯两双吗学员红蓝绿没优';

function scriptCounts(text: string): { trad: number; simp: number } {
  let trad = 0, simp = 0;
  for (const ch of text) {
    if (TRAD_ONLY.includes(ch)) trad++;
    else if (SIMP_ONLY.includes(ch)) simp++;
  }
  return { trad, simp };
}

function generate(count: number, seed = 42): DemoResponse[] {
  return [...generateDemoResponses({ surveys, count, seed, now: NOW })];
}

describe('demo surveys', () => {
  it('every survey parses and has every text in en, zh-Hant and zh-Hans', () => {
    expect(DEMO_SURVEYS.length).toBeGreaterThanOrEqual(3);
    for (const survey of DEMO_SURVEYS) {
      const parsed = SurveyInput.parse(survey);
      expect(parsed.definition.languages).toEqual(['en', 'zh-Hant', 'zh-Hans']);
      const texts = [parsed.definition.thankYou, ...parsed.definition.questions.flatMap((q) => [q.title, ...(q.options ?? []).map((o) => o.label)])];
      for (const text of texts) expect(Object.keys(text).sort()).toEqual(['en', 'zh-Hans', 'zh-Hant']);
    }
  });
});

describe('demo corpus', () => {
  it.each(DEMO_LANGUAGES)('%s has at least 60 distinct sentences covering every theme × sentiment', (lang) => {
    const comments = corpusComments(lang);
    expect(new Set(comments.map((c) => c.text)).size).toBe(comments.length);
    expect(comments.length).toBeGreaterThanOrEqual(60);
    for (const theme of THEMES)
      for (const sentiment of SENTIMENTS)
        expect(comments.filter((c) => c.theme === theme && c.sentiment === sentiment).length).toBeGreaterThanOrEqual(4);
  });

  it('Chinese sentences use only their own script', () => {
    for (const c of corpusComments('zh-Hant')) expect([c.text, scriptCounts(c.text).simp]).toEqual([c.text, 0]);
    for (const c of corpusComments('zh-Hans')) expect([c.text, scriptCounts(c.text).trad]).toEqual([c.text, 0]);
  });

  it('composes two sentences with punctuation that fits the language', () => {
    expect(composeComment('en', 'Fast delivery', 'Great price.')).toBe('Fast delivery. Great price.');
    expect(composeComment('en', 'Fast!', 'Great price.')).toBe('Fast! Great price.');
    expect(composeComment('zh-Hant', '物流很快', '價格實惠')).toBe('物流很快，價格實惠');
    expect(composeComment('zh-Hans', '物流很快！', '价格实惠')).toBe('物流很快！价格实惠');
    expect(composeComment('zh-Hans', '发货速度超快 👍', '价格实惠')).toBe('发货速度超快 👍 价格实惠');
  });
});

describe('generateDemoResponses', () => {
  it('gives identical output for the same seed and different output for another', () => {
    expect(generate(500, 7)).toEqual(generate(500, 7));
    expect(generate(50, 8)).not.toEqual(generate(50, 7));
  });

  it('generates 20,000 valid responses quickly, within the last 12 months', () => {
    const started = performance.now();
    const responses = generate(20_000);
    const elapsed = performance.now() - started;
    expect(responses).toHaveLength(20_000);
    expect(elapsed).toBeLessThan(2000);

    for (const { surveyId, ...response } of responses) {
      const issues = validateAnswers(defById.get(surveyId)!, response.answers, response.complete);
      expect(issues, JSON.stringify(response)).toEqual([]);
      expect(BatchResponse.safeParse(response).success, JSON.stringify(response)).toBe(true);
      const at = Date.parse(response.submittedAt!);
      expect(at).toBeLessThanOrEqual(NOW.getTime());
      expect(at).toBeGreaterThanOrEqual(NOW.getTime() - YEAR_MS);
      if (response.channel === 'email') {
        expect(response.respondent?.email).toMatch(/@example\.(com|org)$/);
        expect(response.respondent?.name).toMatch(response.language === 'en' ? /^[A-Za-z ]+$/ : /^\p{Script=Han}{2,4}$/u);
      }
    }
    const partial = responses.filter((r) => !r.complete).length / responses.length;
    expect(partial).toBeGreaterThan(0.03);
    expect(partial).toBeLessThan(0.07);
    expect(new Set(responses.map((r) => r.idempotencyKey)).size).toBe(responses.length);
  });

  it('mixes the three languages and writes open text in the respondent’s script', () => {
    const responses = generate(6000);
    const share = (lang: string) => responses.filter((r) => r.language === lang).length / responses.length;
    expect(share('en')).toBeGreaterThan(0.38);
    expect(share('zh-Hant')).toBeGreaterThan(0.23);
    expect(share('zh-Hans')).toBeGreaterThan(0.18);

    const textsIn = (lang: string) =>
      responses.filter((r) => r.language === lang).flatMap((r) => Object.values(r.answers).filter((v): v is string => typeof v === 'string' && !/^[a-z_]+$/.test(v)));
    const hant = scriptCounts(textsIn('zh-Hant').join(''));
    const hans = scriptCounts(textsIn('zh-Hans').join(''));
    expect(hant.trad).toBeGreaterThan(100);
    expect(hant.trad).toBeGreaterThan(hant.simp * 20);
    expect(hans.simp).toBeGreaterThan(100);
    expect(hans.simp).toBeGreaterThan(hans.trad * 20);
    expect(scriptCounts(textsIn('en').join('')).trad + scriptCounts(textsIn('en').join('')).simp).toBe(0);
  });

  it('has a plausible, improving NPS and comments whose sentiment follows the score', () => {
    const responses = generate(20_000);
    const npsScores = (rs: DemoResponse[]) => rs.map((r) => r.answers.nps).filter((v): v is number => typeof v === 'number');
    const overall = nps(npsScores(responses)).nps!;
    expect(overall).toBeGreaterThan(-20);
    expect(overall).toBeLessThan(60);

    const byTime = [...responses].sort((a, b) => a.submittedAt!.localeCompare(b.submittedAt!));
    const quarter = Math.floor(byTime.length / 4);
    expect(nps(npsScores(byTime.slice(-quarter))).nps!).toBeGreaterThan(nps(npsScores(byTime.slice(0, quarter))).nps!);

    const sentimentOf = new Map<string, Sentiment>();
    for (const lang of DEMO_LANGUAGES) for (const c of corpusComments(lang)) sentimentOf.set(c.text, c.sentiment);
    const firstSentiment = (text: string) => [...sentimentOf].find(([s]) => text.startsWith(s))?.[1];
    const tally = (questionId: string) => {
      const counts: Record<Sentiment, number> = { negative: 0, neutral: 0, positive: 0 };
      for (const r of responses) {
        const text = r.answers[questionId];
        if (typeof text === 'string') counts[firstSentiment(text)!]++;
      }
      return counts;
    };
    const wrong = tally('what_went_wrong');
    const loved = tally('what_you_loved');
    expect(wrong.negative).toBeGreaterThan((wrong.neutral + wrong.positive) * 2);
    expect(loved.positive).toBeGreaterThan((loved.neutral + loved.negative) * 2);
  });

  it('re-surveys customers from a pool of about 6,000 and adds order ids to purchase surveys', () => {
    const responses = generate(20_000);
    const perCustomer = new Map<string, number>();
    for (const r of responses) if (r.customerExternalId) perCustomer.set(r.customerExternalId, (perCustomer.get(r.customerExternalId) ?? 0) + 1);
    expect(perCustomer.size).toBeLessThanOrEqual(6000);
    expect([...perCustomer.values()].filter((n) => n > 1).length).toBeGreaterThan(1000);
    for (const id of perCustomer.keys()) expect(id).toMatch(/^cus_\d{5}$/);

    const purchase = responses.filter((r) => r.surveyId === 'srv_1');
    expect(purchase.filter((r) => r.orderId).length / purchase.length).toBeGreaterThan(0.9);
    const channels = new Set(responses.map((r) => r.channel));
    for (const c of ['link', 'widget', 'email', 'app', 'api']) expect(channels).toContain(c);
  });
});
