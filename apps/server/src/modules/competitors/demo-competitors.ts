/**
 * Demo data: two fictional competitors of the demo retailer "Lotus Mart 蓮花商城" (e-commerce in
 * Taiwan, Hong Kong and mainland China), with prices, a promotion, sources and short reviews in
 * English, Traditional and Simplified Chinese, written for this demo. The reviews go through the
 * same paste as a user's, so they are analysed like any other.
 */
import type { Deps } from '../../deps.js';
import type { CompetitorInput } from '@touchpoint/shared';
import { CompetitorInput as CompetitorSchema } from '@touchpoint/shared';
import { createCompetitor, type Ctx } from './competitors.service.js';
import { pasteReviews } from './reviews.service.js';

interface DemoCompetitor { record: CompetitorInput; reviews: string[] }

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

const DEMO: DemoCompetitor[] = [
  {
    record: {
      name: 'Jade Basket 翠籃網購',
      website: 'https://jadebasket.example.com',
      market: 'Taiwan and Hong Kong; groceries and household goods; app-first, next-day delivery in Taipei and Kowloon.',
      methods: ['marketplace_listings', 'website', 'reviews_ratings', 'mystery_shopping'],
      prices: [
        { item: 'Jasmine rice 2 kg', amount: 189, currency: 'TWD', observedOn: daysAgo(12), source: 'https://jadebasket.example.com/rice' },
        { item: 'Laundry detergent 3 L', amount: 79, currency: 'HKD', observedOn: daysAgo(12), source: 'App listing (HK)' },
        { item: 'Delivery fee under NT$499', amount: 60, currency: 'TWD', observedOn: daysAgo(10), source: 'Checkout, mystery order #1' },
      ],
      promotions: [{ description: 'Free next-day delivery over NT$499 for app members', from: daysAgo(20), to: daysAgo(-10), observedOn: daysAgo(12), source: 'App home banner' }],
      productDescriptions: 'Short listings with large photos; origin and expiry date shown on fresh food.',
      surprises: 'A mystery order arrived in 19 hours, packed with ice packs; returns need a phone call.',
      suggestions: 'Match the free-delivery threshold for members; show expiry dates on our fresh listings.',
      sources: [
        { label: 'Jade Basket website', url: 'https://jadebasket.example.com', accessedOn: daysAgo(12) },
        { label: 'Mystery order #1 (Taipei)', url: null, accessedOn: daysAgo(10) },
      ],
      researchedAt: daysAgo(10),
    },
    reviews: [
      'Delivery was super fast, arrived the next morning.',
      'Great prices on rice and snacks, cheaper than the supermarket.',
      'The app is easy to use and checkout takes seconds.',
      'Returning a broken kettle took three phone calls. Terrible.',
      'Customer service never answered my email about a refund.',
      'Fresh fruit arrived cold and well packed, very happy.',
      '配送很快，隔天早上就到了。',
      '價格便宜，常常有優惠券。',
      '退貨流程很麻煩，要打電話才能退款。',
      '客服態度很好，回覆也很快。',
      '商品品質不錯，包裝完整。',
      '送货速度快，包装也很好。',
      '价格实惠，比超市便宜。',
      '退款等了两个星期，太慢了。',
      'App 很好用，搜尋商品很方便。',
    ],
  },
  {
    record: {
      name: 'Harbour Cart 港灣購',
      website: 'https://harbourcart.example.com',
      market: 'Hong Kong and Guangdong; electronics and beauty; marketplace with third-party sellers.',
      methods: ['website', 'social_media', 'seo_search', 'industry_reports'],
      prices: [
        { item: 'Wireless earbuds', amount: 399, currency: 'HKD', observedOn: daysAgo(8), source: 'https://harbourcart.example.com/earbuds' },
        { item: 'Sunscreen SPF50 50 ml', amount: 89, currency: 'CNY', observedOn: daysAgo(8), source: 'Search result ad' },
      ],
      promotions: [{ description: '11.11 sale: 20% off electronics, coupons stackable', from: null, to: null, observedOn: daysAgo(14), source: 'Social media post' }],
      productDescriptions: 'Long descriptions written by sellers; quality varies between sellers.',
      surprises: 'Prices are low but delivery to the New Territories takes a week.',
      suggestions: 'Promote our own delivery speed and our returns without questions.',
      sources: [{ label: 'Industry report: HK e-commerce 2026', url: null, accessedOn: daysAgo(30) }],
      researchedAt: daysAgo(8),
    },
    reviews: [
      'Cheapest price I could find for these earbuds.',
      'Delivery took 8 days, far too slow.',
      'The seller sent the wrong colour and refused a refund.',
      'Website is confusing and keeps logging me out.',
      'Good quality sunscreen, genuine product.',
      '價格很便宜，但是運送太慢了。',
      '客服很差，問題一直沒有解決。',
      '退貨很困難，賣家不理人。',
      '網站很難用，付款一直失敗。',
      '商品跟描述一樣，品質很好。',
      '物流太慢，等了一个多星期。',
      '价格便宜，活动力度很大。',
      '客服回复很慢，态度也不好。',
      '质量一般，和图片不太一样。',
      'Great deals during the sale, saved a lot.',
    ],
  },
];

/** Creates the two demo competitors with their reviews; returns their ids. */
export async function seedDemoCompetitors(deps: Deps, ctx: Ctx): Promise<string[]> {
  const ids: string[] = [];
  for (const d of DEMO) {
    const c = await createCompetitor(deps, ctx, CompetitorSchema.parse(d.record));
    await pasteReviews(deps, ctx, c.id, { text: d.reviews.join('\n'), format: 'lines', source: 'Demo reviews' }, null);
    ids.push(c.id);
  }
  return ids;
}
