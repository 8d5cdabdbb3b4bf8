/**
 * Fake respondents for the demo: names that fit the respondent's language and region, and
 * e-mail addresses only at example.com / example.org (reserved domains, never deliverable).
 */
import type { DemoLanguage } from './demo-corpus.js';
import { pickOne, randInt, type Rand } from './demo-random.js';

export const DEMO_REGIONS = ['HK', 'TW', 'SG', 'MY', 'CN'] as const;
export type DemoRegion = (typeof DEMO_REGIONS)[number];

export interface FakePerson {
  name: string;
  email: string;
}

// English speakers in Singapore, Malaysia and Hong Kong: Western first names with local surnames.
const EN_FIRST = [
  'Jason', 'Michelle', 'Kelvin', 'Priya', 'Daniel', 'Grace', 'Marcus', 'Rachel', 'Aaron', 'Cheryl',
  'Ethan', 'Nur', 'Ravi', 'Joanne', 'Benjamin', 'Siti', 'Wei Ling', 'Hui Min', 'Kenneth', 'Vanessa',
];
const EN_LAST = [
  'Tan', 'Lim', 'Lee', 'Ng', 'Wong', 'Chan', 'Goh', 'Teo', 'Nair', 'Kumar',
  'Abdullah', 'Ong', 'Koh', 'Cheung', 'Lau', 'Fernandes', 'Yap', 'Chua', 'Ho', 'Rahman',
];

/** [characters, romanisation for the e-mail local part] */
type Romanised = readonly [string, string];

// Traditional characters; romanised the Taiwanese (Wade–Giles-ish) or Hong Kong (Cantonese) way.
const HANT_SURNAMES: readonly Romanised[] = [
  ['陳', 'chen'], ['林', 'lin'], ['黃', 'huang'], ['張', 'chang'], ['李', 'li'],
  ['王', 'wang'], ['吳', 'wu'], ['劉', 'liu'], ['蔡', 'tsai'], ['楊', 'yang'],
];
const HANT_SURNAMES_HK: readonly Romanised[] = [
  ['陳', 'chan'], ['黃', 'wong'], ['張', 'cheung'], ['李', 'lee'], ['劉', 'lau'],
  ['梁', 'leung'], ['鄭', 'cheng'], ['何', 'ho'], ['吳', 'ng'], ['麥', 'mak'],
];
const HANT_GIVEN: readonly Romanised[] = [
  ['志明', 'chiming'], ['怡君', 'yichun'], ['家豪', 'kaho'], ['詠琪', 'wingkei'], ['俊傑', 'chunkit'],
  ['淑芬', 'shufen'], ['雅婷', 'yating'], ['嘉欣', 'kayan'], ['建宏', 'chienhung'], ['美玲', 'meiling'],
  ['偉倫', 'wailun'], ['佩珊', 'puishan'],
];

// Simplified characters with pinyin.
const HANS_SURNAMES: readonly Romanised[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'],
  ['杨', 'yang'], ['赵', 'zhao'], ['黄', 'huang'], ['周', 'zhou'], ['吴', 'wu'],
];
const HANS_GIVEN: readonly Romanised[] = [
  ['伟', 'wei'], ['娜', 'na'], ['静', 'jing'], ['磊', 'lei'], ['晓燕', 'xiaoyan'],
  ['建华', 'jianhua'], ['思远', 'siyuan'], ['丽娟', 'lijuan'], ['浩然', 'haoran'], ['雪梅', 'xuemei'],
  ['子涵', 'zihan'], ['俊杰', 'junjie'],
];

const DOMAINS = ['example.com', 'example.org'] as const;

function emailFor(rand: Rand, localParts: readonly string[]): string {
  const sep = pickOne(rand, ['.', '_', '']);
  const suffix = rand() < 0.55 ? String(randInt(rand, 1, 999)) : '';
  const local = localParts.join(sep).replace(/\s+/g, '').toLowerCase();
  return `${local}${suffix}@${pickOne(rand, DOMAINS)}`;
}

/** A fake person whose name is written the way someone of that language and region writes it. */
export function fakePerson(rand: Rand, language: DemoLanguage, region: DemoRegion): FakePerson {
  if (language === 'en') {
    const first = pickOne(rand, EN_FIRST);
    const last = pickOne(rand, EN_LAST);
    return { name: `${first} ${last}`, email: emailFor(rand, [first, last]) };
  }
  const [surnames, given] =
    language === 'zh-Hant'
      ? [region === 'HK' ? HANT_SURNAMES_HK : HANT_SURNAMES, HANT_GIVEN]
      : [HANS_SURNAMES, HANS_GIVEN];
  const [sChars, sRoman] = pickOne(rand, surnames);
  const [gChars, gRoman] = pickOne(rand, given);
  // Chinese names put the surname first; e-mails often do the reverse.
  const parts = rand() < 0.5 ? [gRoman, sRoman] : [sRoman, gRoman];
  return { name: `${sChars}${gChars}`, email: emailFor(rand, parts) };
}
