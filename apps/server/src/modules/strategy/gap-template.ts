/**
 * The course's CX evaluation framework example ("Template 4"), in the three UI languages: NPS 50 and
 * CSAT 70 % against a benchmark of 70 and 85 %, basic search against AI recommendations, support
 * 8 hours a day against 24/7 chatbots (as hours, so the gap computes: 16 h), strategic adjustments.
 */
import type { GapRowInput, UiLanguage } from '@touchpoint/shared';

interface Texts {
  name: string; hours: string; appNow: string; appBench: string; stratNow: string; stratBench: string;
  competitor: string; source: string;
  improve: [string, string, string, string, string];
  benefit: [string, string, string, string, string];
}

const TEXTS: Record<UiLanguage, Texts> = {
  en: {
    name: 'CX evaluation framework (course example)', hours: 'h a day',
    appNow: 'Basic search, nothing tailored', appBench: 'AI-driven product suggestions',
    stratNow: 'Yearly plan, changes only after complaints pile up', stratBench: 'Monthly reviews driven by live customer data',
    competitor: 'Market leader', source: 'Course example benchmark',
    improve: ['Close the loop with every detractor within 48 hours', 'Fix the top three pain points in checkout and delivery', 'Tailor search and the home page with AI suggestions', 'Add a 24/7 chatbot with hand-over to agents', 'Review CX metrics monthly and re-plan each quarter'],
    benefit: ['Higher loyalty and referrals', 'Fewer complaints and returns', 'Higher conversion and basket size', 'Faster answers, lower support cost', 'Faster response to market changes'],
  },
  'zh-Hant': {
    name: '顧客體驗評估框架（課程範例）', hours: '小時／天',
    appNow: '基本搜尋，沒有個人化', appBench: 'AI 驅動的商品推薦',
    stratNow: '年度計劃，投訴累積後才調整', stratBench: '依即時顧客數據每月檢討',
    competitor: '市場領導者', source: '課程範例基準',
    improve: ['48 小時內回覆每位批評者並完成閉環', '改善結帳與配送的前三大痛點', '在搜尋與首頁加入個人化推薦', '增設 24/7 聊天機器人並可轉接客服', '每月檢討顧客體驗指標，每季重新規劃'],
    benefit: ['提升忠誠度與口碑推薦', '減少投訴與退貨', '提高轉換率與客單價', '回覆更快，客服成本更低', '更快回應市場變化'],
  },
  'zh-Hans': {
    name: '客户体验评估框架（课程示例）', hours: '小时／天',
    appNow: '基本搜索，没有个性化', appBench: 'AI 驱动的商品推荐',
    stratNow: '年度计划，投诉累积后才调整', stratBench: '依据实时客户数据每月复盘',
    competitor: '市场领导者', source: '课程示例基准',
    improve: ['48 小时内回复每位贬损者并完成闭环', '改善结账与配送的前三大痛点', '在搜索与首页加入个性化推荐', '增设 24/7 聊天机器人并可转人工客服', '每月复盘客户体验指标，每季度重新规划'],
    benefit: ['提升忠诚度与口碑推荐', '减少投诉与退货', '提高转化率与客单价', '回复更快，客服成本更低', '更快响应市场变化'],
  },
};

export function courseTemplateName(lang: UiLanguage): string {
  return TEXTS[lang].name;
}

/**
 * The rows; `liveNps` / `liveCsat`: link the current state to the live metric (the course's numbers
 * stay as the fallback shown while nothing is measured) or keep the course's typed numbers.
 */
export function courseTemplateRows(lang: UiLanguage, link: { nps: boolean; csat: boolean }): GapRowInput[] {
  const t = TEXTS[lang];
  const common = { competitor: t.competitor, source: t.source };
  return [
    {
      criterion: 'customer_feedback', ...common,
      current: link.nps ? { kind: 'live', metric: 'nps', segmentId: null, fallback: 50 } : { kind: 'number', value: 50, unit: 'NPS' },
      benchmark: { kind: 'number', value: 70, unit: 'NPS' }, improvement: t.improve[0], benefit: t.benefit[0], priority: 'high',
    },
    {
      criterion: 'performance_metrics', ...common,
      current: link.csat ? { kind: 'live', metric: 'csat', segmentId: null, fallback: 70 } : { kind: 'number', value: 70, unit: '%' },
      benchmark: { kind: 'number', value: 85, unit: '%' }, improvement: t.improve[1], benefit: t.benefit[1], priority: 'high',
    },
    {
      criterion: 'app_features', ...common,
      current: { kind: 'text', text: t.appNow }, benchmark: { kind: 'text', text: t.appBench }, improvement: t.improve[2], benefit: t.benefit[2], priority: 'medium',
    },
    {
      criterion: 'support_availability', ...common,
      current: { kind: 'number', value: 8, unit: t.hours }, benchmark: { kind: 'number', value: 24, unit: t.hours }, improvement: t.improve[3], benefit: t.benefit[3], priority: 'high',
    },
    {
      criterion: 'strategic_adjustments', ...common,
      current: { kind: 'text', text: t.stratNow }, benchmark: { kind: 'text', text: t.stratBench }, improvement: t.improve[4], benefit: t.benefit[4], priority: 'medium',
    },
  ];
}
