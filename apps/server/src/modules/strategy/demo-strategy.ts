/**
 * The demo workspace's strategy records for "Lotus Mart 蓮花商城", an e-commerce retailer selling in
 * Taiwan, Hong Kong and mainland China: the course's gap analysis (NPS and CSAT linked live, with the
 * course's numbers as fallbacks), three SMART goals and one target-market worksheet. The demo seeds
 * this after its answers and customers, so the live goals' baselines are read (the 30 days before the
 * start) and their targets follow from them; a workspace with nothing measured gets typed ones.
 */
import type { UiLanguage } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { createCourseAnalysis } from './gap.service.js';
import { addCheckIn, createGoal } from './goals.service.js';
import { createWorksheet } from './worksheets.service.js';
import { shiftDay } from './goal-projection.js';
import { workspaceToday } from './strategy-time.js';
import { readLive } from './live-read.js';

export async function seedDemoStrategy(deps: Deps, ctx: { workspaceId: string; actor: Actor; language?: UiLanguage }): Promise<void> {
  const c = { workspaceId: ctx.workspaceId, actor: ctx.actor };
  await createCourseAnalysis(deps, c, ctx.language ?? 'en', 'always');

  const today = await workspaceToday(deps, ctx.workspaceId);
  const startDate = shiftDay(today, -75), deadline = shiftDay(today, 105);
  const baselineDate = shiftDay(startDate, -1);
  // The measured baseline and a target `lift` above it (kept within 0–100 %), or the typed pair.
  const aim = async (metric: 'csat' | 'retention', lift: number, typed: [number, number]) => {
    const v = (await readLive(deps, ctx.workspaceId, metric, { from: shiftDay(baselineDate, -29), to: baselineDate })).value;
    if (v === null) return { baselineValue: typed[0], target: typed[1] };
    const round = (x: number) => Math.round(x * 10) / 10;
    return { baselineValue: round(v), target: round(Math.min(100, v * lift)) };
  };
  const smart = (specific: string, achievable: string, relevant: string) => ({ specific, achievable, relevant, measurable: '', timeBound: `By ${deadline}` });
  await createGoal(deps, c, {
    title: 'Raise CSAT by 10 %', metric: 'csat', ...(await aim('csat', 1.1, [72, 79.2])), baselineDate, startDate, deadline, template: 'csat_up_10',
    ...smart('CSAT of all post-purchase and support surveys, Taiwan, Hong Kong and mainland China', 'Delivery-time fixes and 24/7 chat are funded this half-year', 'Satisfied buyers come back: CSAT drives repeat purchases'),
  });
  await createGoal(deps, c, {
    title: 'Raise customer retention by 20 %', metric: 'retention', ...(await aim('retention', 1.2, [35, 42])), baselineDate, startDate, deadline, template: 'retention_up_20',
    ...smart('Share of last month\'s buyers who buy again this month', 'Loyalty points on LINE and WeChat and personalised offers', 'Keeping a customer costs far less than winning one'),
  });
  const cost = await createGoal(deps, c, {
    title: 'Cut support cost per month by 10 %', metric: null, unit: 'TWD', higherIsBetter: false, baselineValue: 1_200_000, baselineDate, target: 1_080_000, startDate, deadline, template: 'cost_down_10',
    ...smart('Monthly cost of the support team and tools, from finance', 'The chatbot answers order-status questions without an agent', 'Savings fund the recommendation engine'),
  });
  await addCheckIn(deps, c, cost.id, { date: shiftDay(today, -45), value: 1_170_000, note: 'Chatbot live for order status' });
  await addCheckIn(deps, c, cost.id, { date: shiftDay(today, -15), value: 1_130_000, note: 'Fewer repeat contacts' });

  await createWorksheet(deps, c, {
    name: 'Lotus Mart 蓮花商城 — Greater China online shoppers', currency: 'TWD',
    segmentation: [
      { basis: 'demographic', description: 'Urban professionals aged 25–40, household income above median', sizeEstimate: '≈ 4.1 M in Taiwan and Hong Kong', attractiveness: 'High basket size, open to subscriptions' },
      { basis: 'geographic', description: 'Taipei, New Taipei, Taichung, Hong Kong Island and Kowloon; Shenzhen and Guangzhou via cross-border shipping', sizeEstimate: '≈ 9 M reachable', attractiveness: 'Fast delivery possible; cross-border needs WeChat Pay and Alipay' },
      { basis: 'psychographic', description: 'Value quality and convenience, follow lifestyle creators', sizeEstimate: 'About a third of the above', attractiveness: 'Respond to curated collections and reviews' },
      { basis: 'behavioural', description: 'Bought twice or more in 90 days; react to flash sales on 9.9, 11.11 and 12.12', sizeEstimate: '≈ 180 k current customers', attractiveness: 'Highest retention lift from loyalty offers' },
    ],
    persona: 'Mei-Ling 美玲, 32, product manager in Taipei. Orders groceries and home goods on her phone during the commute, pays with LINE Pay, reads reviews before buying, expects delivery within 24 hours and a reply in chat within minutes.',
    engagement: [
      { platform: 'LINE', tactics: 'Official account with membership card and points; segmented broadcasts', content: 'Weekly picks, order updates, coupons', kpi: 'Friends +25 %, coupon redemption 12 %', budget: 450_000 },
      { platform: 'WeChat', tactics: 'Mini-program store and service account for mainland and Hong Kong buyers', content: 'Cross-border offers, live-stream replays', kpi: 'Mini-program orders per month', budget: 380_000 },
      { platform: 'Instagram', tactics: 'Creator collaborations and shoppable posts', content: 'Reels of home and lifestyle collections', kpi: 'Engagement rate 4 %, link clicks', budget: 300_000 },
      { platform: 'Shopee', tactics: 'Flagship store with campaign-day bundles', content: 'Bundles for 9.9, 11.11, 12.12', kpi: 'Campaign GMV, store rating ≥ 4.8', budget: 520_000 },
      { platform: 'own app', tactics: 'Personalised home page and 24/7 chatbot', content: 'Recommendations, order tracking', kpi: 'Repeat purchase rate, CSAT', budget: 900_000 },
    ],
    positioning: 'For busy city shoppers in Taiwan, Hong Kong and mainland China, Lotus Mart 蓮花商城 is the online store that delivers curated everyday quality within 24 hours, with help in chat whenever you need it.',
  });
}
