/**
 * Starter content: the course's six innovation areas as initiatives, and its Shopee example (a
 * recommendation engine whose business case reproduces ROI ≈ 1,700 % with payback within months).
 * Names and reasons come in the request's UI language; numbers are plausible starting points for
 * a mid-sized online retailer, meant to be edited.
 */
import type { InitiativeInput, UiLanguage } from '@touchpoint/shared';

type Text = Record<UiLanguage, string>;
interface AreaTemplate { name: Text; why: Text; fields: Omit<InitiativeInput, 'name' | 'why'> }

const budget = (min: number, max: number) => ({ min, max, currency: 'USD' });
const base = { status: 'idea' as const, ownerId: null, launchDate: null, expectedChange: null };

export const INNOVATION_AREAS: AreaTemplate[] = [
  {
    name: { en: 'AI/ML personalisation', 'zh-Hant': 'AI／機器學習個人化', 'zh-Hans': 'AI／机器学习个性化' },
    why: {
      en: 'Recommend products and content per customer from behaviour, so each visit feels relevant and converts better.',
      'zh-Hant': '依據顧客行為推薦商品與內容，讓每次造訪都更貼切，提高轉換率。',
      'zh-Hans': '根据顾客行为推荐商品与内容，让每次访问都更贴切，提高转化率。',
    },
    fields: { ...base, area: 'ai_ml', priority: 'must_have', budget: budget(50_000, 150_000), expectedRoi: 2, valueScore: 9, costScore: 7 },
  },
  {
    name: { en: 'Data-driven marketing', 'zh-Hant': '數據驅動行銷', 'zh-Hans': '数据驱动营销' },
    why: {
      en: 'Target campaigns by segment and measured response instead of guesswork, spending where it returns most.',
      'zh-Hant': '依客群與實測成效鎖定行銷活動，而非憑直覺，把預算花在回報最高之處。',
      'zh-Hans': '按客群与实测效果定向营销活动，而非凭直觉，把预算花在回报最高之处。',
    },
    fields: { ...base, area: 'data_driven_marketing', priority: 'must_have', budget: budget(20_000, 60_000), expectedRoi: 1.5, valueScore: 8, costScore: 4 },
  },
  {
    name: { en: 'Blockchain for transparency and loyalty', 'zh-Hant': '區塊鏈：透明度與會員忠誠', 'zh-Hans': '区块链：透明度与会员忠诚' },
    why: {
      en: 'Traceable product origins and portable loyalty points build trust; value is still uncertain for most retailers.',
      'zh-Hant': '可追溯的商品來源與可流通的會員點數能建立信任；對多數零售商而言效益仍不確定。',
      'zh-Hans': '可追溯的商品来源与可流通的会员积分能建立信任；对多数零售商而言收益仍不确定。',
    },
    fields: { ...base, area: 'blockchain', priority: 'good_to_have', budget: budget(80_000, 250_000), expectedRoi: 0.3, valueScore: 4, costScore: 9 },
  },
  {
    name: { en: 'AR/VR virtual try-on', 'zh-Hant': 'AR／VR 虛擬試穿', 'zh-Hans': 'AR／VR 虚拟试穿' },
    why: {
      en: 'Let customers see products on themselves or in their home before buying, cutting returns and hesitation.',
      'zh-Hant': '讓顧客在購買前看到商品穿在身上或擺在家中的樣子，減少退貨與猶豫。',
      'zh-Hans': '让顾客在购买前看到商品穿在身上或摆在家中的样子，减少退货与犹豫。',
    },
    fields: { ...base, area: 'ar_vr', priority: 'good_to_have', budget: budget(60_000, 200_000), expectedRoi: 0.8, valueScore: 6, costScore: 8 },
  },
  {
    name: { en: 'Omnichannel integration', 'zh-Hant': '全通路整合', 'zh-Hans': '全渠道整合' },
    why: {
      en: 'One customer view and consistent service across app, web, store and chat, so nobody repeats themselves.',
      'zh-Hant': '在 App、網站、門市與客服對話之間提供單一顧客視圖與一致的服務，顧客不必重複說明。',
      'zh-Hans': '在 App、网站、门店与客服对话之间提供单一顾客视图与一致的服务，顾客不必重复说明。',
    },
    fields: { ...base, area: 'omnichannel', priority: 'must_have', budget: budget(40_000, 120_000), expectedRoi: 1.2, valueScore: 8, costScore: 6 },
  },
  {
    name: { en: 'Sustainability programme', 'zh-Hant': '永續發展計畫', 'zh-Hans': '可持续发展计划' },
    why: {
      en: 'Greener packaging and delivery options answer what customers increasingly ask for and strengthen the brand.',
      'zh-Hant': '更環保的包裝與配送選項回應顧客日益增加的期待，並強化品牌形象。',
      'zh-Hans': '更环保的包装与配送选项回应顾客日益增加的期待，并强化品牌形象。',
    },
    fields: { ...base, area: 'sustainability', priority: 'good_to_have', budget: budget(10_000, 50_000), expectedRoi: 0.4, valueScore: 5, costScore: 3 },
  },
];

export function innovationAreaInputs(lang: UiLanguage): InitiativeInput[] {
  return INNOVATION_AREAS.map((a) => ({ ...a.fields, name: a.name[lang], why: a.why[lang] }));
}

const SHOPEE_NAME: Text = { en: 'Recommendation engine (Shopee example)', 'zh-Hant': '推薦引擎（Shopee 範例）', 'zh-Hans': '推荐引擎（Shopee 示例）' };
const SHOPEE_WHY: Text = {
  en: 'The course example: personalised recommendations lift conversion and basket size; a modest build and cloud cost pays back within months.',
  'zh-Hant': '課程範例：個人化推薦提升轉換率與客單價；適度的開發與雲端成本在數月內即可回本。',
  'zh-Hans': '课程示例：个性化推荐提升转化率与客单价；适度的开发与云成本在数月内即可回本。',
};

/** The Shopee example's fields (its business case is `shopeeTemplate(today)`; budget follows its costs). */
export function shopeeInput(lang: UiLanguage, totalCost: number, currency: string): InitiativeInput {
  return {
    ...base, status: 'planned', name: SHOPEE_NAME[lang], why: SHOPEE_WHY[lang], area: 'ai_ml', priority: 'must_have',
    budget: { min: Math.round(totalCost * 0.9), max: Math.round(totalCost * 1.2), currency }, expectedRoi: 17, valueScore: 9, costScore: 4,
  };
}
