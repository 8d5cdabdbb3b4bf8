import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReply, REPLY_CHECK_KEYS, replyLanguage, type ReplyCheckKey, type ReplyCheckOptions, type ReplyHint } from './reply-quality.js';

/** Polite, concrete replies that pass every check; the bad examples below change one thing each. */
const EN_GOOD = "Hi Amy,\n\nThank you for your patience, and I'm sorry the parcel arrived damaged. I have issued a refund of $42.50 to your card, and it will appear within 3 business days. If you would like a replacement instead, please reply to this email and I will send one out tomorrow.\n\nBest regards,\nSam";
const HANT_GOOD = '王小姐您好：\n\n非常抱歉讓您久等了，也謝謝您的耐心。我們已為您辦理退款 NT$1,200，款項會在 3 個工作天內退回您的信用卡。如果您希望改為換貨，請回覆這封郵件，我們明天就會為您寄出新的商品。\n\n祝 順心\n客服小陳';
const HANS_GOOD = '王小姐您好：\n\n非常抱歉让您久等了，也谢谢您的耐心。我们已为您办理退款 ¥200，款项会在 3 个工作日内退回您的银行卡。如果您希望改为换货，请回复这封邮件，我们明天就会为您寄出新的商品。\n\n祝 顺心\n客服小陈';

const checkOf = (text: string, key: ReplyCheckKey, options?: ReplyCheckOptions) => checkReply(text, options).checks.find((c) => c.key === key)!;

/** The spans of `fragments` in `text`, each searched after the previous one. */
function spans(text: string, fragments: string[]) {
  let from = 0;
  return fragments.map((fragment) => {
    const start = text.indexOf(fragment, from);
    if (start < 0) throw new Error(`"${fragment}" is not in the example`);
    from = start + fragment.length;
    return { start, end: start + fragment.length, text: fragment, kind: 'issue' as const };
  });
}

/** The draft fails `key` (and nothing else) for `hints`, with exactly `issues` as the spans to fix. */
function failsOnly(text: string, key: ReplyCheckKey, hints: ReplyHint[], issues: string[], options?: ReplyCheckOptions) {
  const result = checkReply(text, options);
  for (const c of result.checks) if (c.key !== key) expect(c.ok, `${c.key} should pass: ${c.hints.join(', ')}`).toBe(true);
  const c = result.checks.find((x) => x.key === key)!;
  expect(c).toMatchObject({ ok: false, hints, hint: hints[0] });
  expect(c.evidence.filter((e) => e.kind === 'issue')).toEqual(spans(text, issues));
  expect(result.score).toBe(86);
  return c;
}

describe('checkReply: good replies pass every check', () => {
  it.each([['en', EN_GOOD], ['zh', HANT_GOOD], ['zh', HANS_GOOD]])('%s: %#', (language, text) => {
    const r = checkReply(text);
    expect(r.language).toBe(language);
    expect(r.checks.map((c) => c.key)).toEqual([...REPLY_CHECK_KEYS]);
    for (const c of r.checks) expect(c, c.key).toMatchObject({ ok: true, hint: null, hints: [] });
    expect(r.score).toBe(100);
    // what satisfied the checks that look for something is shown
    const matched = (key: ReplyCheckKey) => checkOf(text, key).evidence.filter((e) => e.kind === 'match').map((e) => e.text);
    expect(matched('empathy').length).toBeGreaterThan(0);
    expect(matched('concreteness')).toContain(language === 'en' ? 'tomorrow' : '明天');
  });

  it('an empty draft fails only what needs words (empathy, a next step)', () => {
    const r = checkReply('');
    expect(r.checks.filter((c) => !c.ok).map((c) => c.hint)).toEqual(['no_next_step', 'no_empathy']);
    expect(r.score).toBe(71);
  });
});

describe('clarity: sentence length and jargon', () => {
  it('an English sentence over 25 words', () => {
    const long = 'I have issued a refund of $42.50 to the card you used for this order, and the money should show up on your statement within 3 business days depending on how quickly your bank handles it.';
    const c = failsOnly(EN_GOOD.replace('I have issued a refund of $42.50 to your card, and it will appear within 3 business days.', long), 'clarity', ['long_sentences'], [long]);
    expect(c.measures).toMatchObject({ longestSentence: 36, limit: 25, longSentences: 1 });
  });

  it('English jargon: ticket, SLA', () => {
    failsOnly(EN_GOOD.replace('please reply to this email', 'please update the ticket'), 'clarity', ['jargon'], ['ticket']);
    failsOnly(`${EN_GOOD}\nPS: This is within our SLA.`, 'clarity', ['jargon'], ['SLA']);
  });

  it('a Chinese sentence over 50 characters (Traditional)', () => {
    const long = '款項會在 3 個工作天內退回您當初付款時所使用的那張信用卡帳戶，實際入帳的時間可能會因為各家發卡銀行的作業流程與每月結帳日的不同而略有差異。';
    // the sentence runs from 我們 to 。: a comma does not end it
    const text = HANT_GOOD.replace('款項會在 3 個工作天內退回您的信用卡。', long);
    const c = failsOnly(text, 'clarity', ['long_sentences'], [`我們已為您辦理退款 NT$1,200，${long}`]);
    expect(c.measures.longestSentence).toBeGreaterThan(50);
  });

  it('Chinese jargon in both scripts: 工單, 后台', () => {
    failsOnly(HANT_GOOD.replace('我們已為您辦理退款', '我們已為您建立工單並辦理退款'), 'clarity', ['jargon'], ['工單']);
    failsOnly(HANS_GOOD.replace('我们已为您办理退款', '我们已在后台为您办理退款'), 'clarity', ['jargon'], ['后台']);
  });

  it('links, e-mail addresses and quoted lines are not the agent\'s words', () => {
    const text = `${EN_GOOD}\nTrack it at https://example.com/ticket/123 or write to ticket-desk@example.com.\n> My ticket number is 5. Why is the SLA so slow?`;
    expect(checkOf(text, 'clarity')).toMatchObject({ ok: true, measures: { jargon: 0 } });
  });
});

describe('cohesiveness: linking words and varied openings', () => {
  it('three English sentences without a linking word', () => {
    const text = "Hi Amy,\n\nThank you for your patience. I'm sorry the parcel arrived damaged. I have issued a refund of $42.50 to your card. It will appear within 3 business days.\n\nBest regards,\nSam";
    const c = failsOnly(text, 'cohesiveness', ['no_connectives'], []);
    expect(c.measures).toMatchObject({ sentences: 4, connectives: 0, required: 1 });
  });

  it('"We … We … We …"', () => {
    const text = 'Hi Amy,\n\nWe are sorry the parcel arrived damaged, and we thank you for your patience. We have issued a refund of $42.50 to your card because the item is broken. We will also send you a voucher within 3 business days.';
    failsOnly(text, 'cohesiveness', ['repetitive_starts'], ['We', 'We', 'We']);
  });

  it('Traditional Chinese without a linking word', () => {
    const text = '王小姐您好：\n\n非常抱歉讓您久等了，也謝謝您的耐心。我們已為您辦理退款 NT$1,200。款項會在 3 個工作天內退回您的信用卡。\n\n客服小陳';
    failsOnly(text, 'cohesiveness', ['no_connectives'], []);
  });

  it('a numbered list links its steps (and its numbers are not specifics)', () => {
    const listed = 'Hi Amy,\n\nThank you for your patience. Here is what I have done for you today:\n1. I have issued a refund to your card.\n2. I have booked a new delivery for Friday morning.';
    const r = checkReply(listed);
    expect(r.score).toBe(100);
    expect(checkOf(listed, 'cohesiveness').evidence.map((e) => e.text)).toEqual(['1.', '2.']);
    expect(checkOf(listed, 'concreteness').evidence.map((e) => e.text)).toEqual(['today', 'have issued', 'Friday']);
    failsOnly(listed.replace('1. ', '').replace('2. ', ''), 'cohesiveness', ['no_connectives'], []);
  });

  it('Simplified Chinese: 我们…我们…我们…', () => {
    const text = '王小姐您好：\n\n我们已为您办理退款 ¥200，因为商品在运送中损坏了。我们会在 3 个工作日内退回款项。我们也谢谢您的耐心。';
    failsOnly(text, 'cohesiveness', ['repetitive_starts'], ['我们', '我们', '我们']);
  });
});

describe('correctness: slips a reader notices', () => {
  it('a word typed twice, but not "that that"', () => {
    failsOnly(EN_GOOD.replace('to your card', 'to to your card'), 'correctness', ['repeated_word'], ['to to']);
    expect(checkOf('I think that that is right.', 'correctness').ok).toBe(true);
  });

  it('unfilled placeholders, unless the sender fills them', () => {
    const text = EN_GOOD.replace('Hi Amy', 'Hi {{customer.name}}').replace('Sam', '[AGENT NAME]');
    failsOnly(text, 'correctness', ['unfilled_placeholder'], ['{{customer.name}}', '[AGENT NAME]']);
    const filled = EN_GOOD.replace('Hi Amy', 'Hi {{ customer.name }}');
    expect(checkOf(filled, 'correctness', { filledOnSend: ['customer.name'] }).ok).toBe(true);
    expect(checkOf(filled, 'correctness').hint).toBe('unfilled_placeholder');
    failsOnly(HANS_GOOD.replace('王小姐', '【客户姓名】'), 'correctness', ['unfilled_placeholder'], ['【客户姓名】']);
  });

  it('shouting, but not acronyms or the customer\'s name', () => {
    failsOnly(EN_GOOD.replace('If you would like', 'PLEASE NOTE: if you would like'), 'correctness', ['shouting'], ['PLEASE NOTE']);
    expect(checkOf(`${EN_GOOD} Your IMEI and the PDF are attached.`, 'correctness').ok).toBe(true);
    const named = EN_GOOD.replace('Hi Amy', 'Dear Ms JOHNSON');
    expect(checkOf(named, 'correctness').hint).toBe('shouting');
    expect(checkOf(named, 'correctness', { customerName: 'Amy Johnson' }).ok).toBe(true);
  });

  it('"!!" and an unclosed bracket, but not a smiley or a list marker', () => {
    failsOnly(EN_GOOD.replace('your patience,', 'your patience!!'), 'correctness', ['repeated_punctuation'], ['!!']);
    failsOnly(EN_GOOD.replace('to your card,', 'to your card (the one ending in 4242,'), 'correctness', ['unbalanced_brackets'], ['(']);
    expect(checkOf(`${EN_GOOD}\n1) Open the app :)\n2) Tap Orders`, 'correctness').ok).toBe(true);
  });

  it('Chinese: ASCII commas between Han characters, 的的', () => {
    failsOnly(HANT_GOOD.replace('讓您久等了，也謝謝', '讓您久等了,也謝謝'), 'correctness', ['mixed_width_punctuation'], [',']);
    failsOnly(HANS_GOOD.replace('您的银行卡', '您的的银行卡'), 'correctness', ['repeated_word'], ['的的']);
    // 謝謝 and 目的的 are Chinese, not slips
    expect(checkOf(`${HANT_GOOD}\n達到目的的方法。`, 'correctness').ok).toBe(true);
  });
});

describe('concreteness: a next step, and when', () => {
  it('English with no next step', () => {
    const text = "Hi Amy,\n\nThank you for your patience, and I'm sorry the parcel arrived damaged.\n\nBest regards,\nSam";
    expect(failsOnly(text, 'concreteness', ['no_next_step'], []).measures).toEqual({ nextSteps: 0, specifics: 0 });
  });

  it('English with a next step but nothing specific', () => {
    const text = "Hi Amy,\n\nThank you for your patience, and I'm sorry the parcel arrived damaged. I will send a replacement as soon as possible.\n\nBest regards,\nSam";
    failsOnly(text, 'concreteness', ['no_specifics'], []);
  });

  it('Chinese in both scripts', () => {
    failsOnly('王小姐您好：\n\n非常抱歉讓您久等了，也謝謝您的耐心。\n\n客服小陳', 'concreteness', ['no_next_step'], []);
    failsOnly('王小姐您好：\n\n非常抱歉让您久等了，也谢谢您的耐心。我们会尽快为您寄出新的商品。', 'concreteness', ['no_specifics'], []);
    expect(checkOf('我們會在兩個小時內回覆您。', 'concreteness').ok).toBe(true);
  });
});

describe('conciseness: length and filler', () => {
  it('English filler words in a short reply', () => {
    const text = 'Hi Amy,\n\nThank you for your patience. I just wanted to say that I have basically issued a refund of $42.50 to your card, and it will appear within 3 business days.';
    failsOnly(text, 'conciseness', ['filler_words'], ['just', 'basically']);
    // "have just" tells when, it is not filler
    expect(checkOf(EN_GOOD.replace('I have issued', 'I have just issued'), 'conciseness').ok).toBe(true);
  });

  it('an English reply over 180 words', () => {
    const items = ['Blue mugs', 'Red bottles', 'Green plates', 'Yellow bowls', 'Black kettles', 'White cups', 'Grey trays', 'Pink napkins', 'Orange jars', 'Purple vases'];
    const lines = items.map((item, i) => `${item} from your order ${1000 + i} are packed, labelled and checked by our team today, and they will leave the warehouse on Monday morning.`);
    lines[3] = `Also, ${lines[3]}`;
    lines[9] = `Finally, ${lines[9]}`;
    const text = `Hi Amy,\n\nThank you for your patience. ${lines.join(' ')}\n\nBest regards,\nSam`;
    const c = failsOnly(text, 'conciseness', ['too_long'], []);
    expect(c.measures.length).toBeGreaterThan(180);
  });

  it('Chinese filler, and a Chinese reply over 400 characters', () => {
    failsOnly(HANT_GOOD.replace('我們已為您辦理退款', '其實我們基本上已為您辦理退款'), 'conciseness', ['filler_words'], ['其實', '基本上']);
    // 在此期間 ("meanwhile") links two sentences; it is not the filler 在此 / 特此
    expect(checkOf(HANT_GOOD.replace('如果您希望', '在此期間，如果您希望'), 'conciseness').ok).toBe(true);
    const items = ['蓝色杯子', '红色水瓶', '绿色盘子', '黄色碗', '黑色水壶', '白色茶杯', '灰色托盘', '粉色餐巾', '橙色罐子', '紫色花瓶', '金色汤匙', '银色叉子'];
    const lines = items.map((item) => `${item}已经由仓库同事完成包装、贴好标签并再次检查，预计周一上午从仓库寄出。`);
    lines[4] = `另外，${lines[4]}`;
    lines[8] = `同时，${lines[8]}`;
    lines[11] = `最后，${lines[11]}`;
    const text = `王小姐您好：\n\n谢谢您的耐心。${lines.join('')}\n\n客服小陈`;
    expect(failsOnly(text, 'conciseness', ['too_long'], []).measures.length).toBeGreaterThan(400);
  });
});

describe('empathy: acknowledgement, apology or thanks', () => {
  it('English without one, and "I don\'t understand" is not one', () => {
    const text = 'Hi Amy,\n\nI have issued a refund of $42.50 to your card, and it will appear within 3 business days. If you would like a replacement instead, please reply to this email and I will send one out tomorrow.\n\nBest regards,\nSam';
    failsOnly(text, 'empathy', ['no_empathy'], []);
    failsOnly(text.replace('I have issued', "I don't understand the damage, so I have issued"), 'empathy', ['no_empathy'], []);
  });

  it('Chinese without one, and 请理解 is not one', () => {
    failsOnly('王小姐您好：\n\n我們已為您辦理退款 NT$1,200，款項會在 3 個工作天內退回您的信用卡。如果您希望改為換貨，請回覆這封郵件，我們明天就會為您寄出新的商品。', 'empathy', ['no_empathy'], []);
    failsOnly('王小姐您好：\n\n请理解我们的安排。我们已为您办理退款 ¥200，款项会在 3 个工作日内退回。', 'empathy', ['no_empathy'], []);
  });

  it('notes whether the customer is addressed by name', () => {
    expect(checkOf(EN_GOOD, 'empathy', { customerName: 'Amy Chen' }).measures.addressedByName).toBe(1);
    expect(checkOf(HANT_GOOD, 'empathy', { customerName: '王美玲' }).measures.addressedByName).toBe(1);
    expect(checkOf(EN_GOOD, 'empathy', { customerName: 'Bob' }).measures.addressedByName).toBe(0);
  });
});

describe('positive language: no refusals or blame', () => {
  it('English negatives and blame', () => {
    failsOnly(EN_GOOD.replace('If you would like', 'Unfortunately, we cannot refund the shipping fee. If you would like'), 'positive', ['negative_phrasing'], ['Unfortunately', 'cannot']);
    failsOnly(EN_GOOD.replace('If you would like', 'You should have checked the address. If you would like'), 'positive', ['blaming_language'], ['You should have']);
  });

  it('negation-aware: "no problem", "won\'t be charged", "if you can\'t …" are not negative', () => {
    const text = EN_GOOD.replace('If you would like', "No problem at all: you won't be charged for the return, and if you can't print the label, I will email a new one. If you would like");
    expect(checkOf(text, 'positive')).toMatchObject({ ok: true, measures: { negatives: 0, blaming: 0 } });
  });

  it('one "unfortunately" in a long reply is tolerated', () => {
    const text = `${EN_GOOD.replace('\n\nBest regards,\nSam', '')} Unfortunately the courier only collects on weekdays. The new parcel is insured, so any damage on the way is covered, and you can follow it with the tracking number I will send you by email. Our returns page also lists the nearest drop-off points, in case you prefer to bring the damaged parcel to one of them yourself.`;
    expect(checkOf(text, 'positive')).toMatchObject({ ok: true, measures: { negatives: 1, allowedNegatives: 1 } });
  });

  it('Chinese negatives and blame in both scripts, and 沒問題 / 如果您仍無法 / 你应该会 are fine', () => {
    failsOnly(HANT_GOOD.replace('如果您希望', '很遺憾，運費無法退還。如果您希望'), 'positive', ['negative_phrasing'], ['很遺憾', '無法']);
    failsOnly(HANS_GOOD.replace('如果您希望', '你应该先检查地址。如果您希望'), 'positive', ['blaming_language'], ['你应该']);
    expect(checkOf(HANT_GOOD.replace('如果您希望', '沒問題！如果您仍無法登入，我們會在 2 小時內為您重設密碼。如果您希望'), 'positive').ok).toBe(true);
    expect(checkOf(HANS_GOOD.replace('如果您希望', '你应该会在明天收到新的商品。如果您希望'), 'positive').ok).toBe(true);
  });
});

describe('language', () => {
  it('is Chinese when Han characters are at least half of the characters and words', () => {
    expect(replyLanguage('您好，您的 iPhone 15 Pro 訂單 #12345 已經寄出，預計 3 天內送達。')).toBe('zh');
    expect(replyLanguage('Dear 陳先生, thank you for writing to us about your order.')).toBe('en');
    expect(replyLanguage('')).toBe('en');
  });

  it('the given language decides the limits', () => {
    expect(checkReply('Thanks!', { language: 'zh-Hant' }).language).toBe('zh');
    expect(checkReply('謝謝您', { language: 'en' }).language).toBe('en');
  });
});

describe('portability', () => {
  it('uses no regular-expression lookbehind: Safari before 16.4 cannot parse one, and the web app bundles this module', () => {
    const dir = new URL('.', import.meta.url);
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(sources).toContain('reply-quality.ts');
    for (const f of sources) expect(readFileSync(new URL(f, dir), 'utf8'), f).not.toMatch(/\(\?<[=!]/);
  });
});
