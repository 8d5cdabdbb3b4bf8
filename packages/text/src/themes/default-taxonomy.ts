/**
 * The starter taxonomy a new workspace gets: seven CX themes with keywords and examples in
 * English, 繁體 and 简体 (folding makes the two Chinese scripts match either way; both are listed
 * so the taxonomy reads naturally to editors of either script).
 */
import type { ThemeDef } from './taxonomy.js';

export interface LocalisedThemeDef extends ThemeDef {
  names: { en: string; 'zh-Hant': string; 'zh-Hans': string };
}

export const DEFAULT_TAXONOMY: LocalisedThemeDef[] = [
  {
    id: 'delivery', name: 'Delivery', names: { en: 'Delivery', 'zh-Hant': '物流配送', 'zh-Hans': '物流配送' },
    keywords: ['deliver*', 'shipping', 'shipment', 'shipped', 'courier', 'parcel', 'package', 'tracking', 'dispatch*', 'arrived late',
      '物流', '快遞', '快递', '配送', '送貨', '送货', '發貨', '发货', '運費', '运费', '包裹', '快遞員', '快递员', '外送', '外賣', '外卖'],
    examples: ['The parcel arrived three days late', 'Courier left the package at the wrong door', '快遞三天才到', '物流信息一直没更新'],
  },
  {
    id: 'price', name: 'Price', names: { en: 'Price', 'zh-Hant': '價格', 'zh-Hans': '价格' },
    keywords: ['price', 'pricing', 'priced', 'overpriced', 'expensive', 'cheap', 'cost*', 'value for money', 'fee', 'discount', 'coupon',
      '價格', '价格', '價錢', '价钱', '貴', '贵', '便宜', '性價比', '性价比', '優惠', '优惠', '折扣', '收費', '收费'],
    examples: ['Way too expensive for what you get', 'Good value for money', '價格偏貴', '性价比很高'],
  },
  {
    id: 'staff', name: 'Staff', names: { en: 'Staff', 'zh-Hant': '員工服務', 'zh-Hans': '员工服务' },
    keywords: ['staff', 'employee', 'waiter', 'waitress', 'server', 'cashier', 'agent', 'customer service', 'rude', 'friendly', 'attitude',
      'manager', 'receptionist', '服務態度', '服务态度', '態度', '态度', '店員', '店员', '服務員', '服务员', '客服', '員工', '员工', '前台', '經理', '经理'],
    examples: ['The waiter was rude to us', 'Very helpful support agent', '服務員很熱情', '客服态度很差'],
  },
  {
    id: 'app-website', name: 'App/Website', names: { en: 'App/Website', 'zh-Hant': 'App／網站', 'zh-Hans': 'App／网站' },
    keywords: ['app', 'website', 'site', 'web page', 'online', 'login', 'log in', 'password', 'checkout', 'crash*', 'bug', 'update', 'interface',
      '網站', '网站', '網頁', '网页', '應用', '应用', '登錄', '登录', '登入', '閃退', '闪退', '卡頓', '卡顿', '介面', '界面', '系統', '系统'],
    examples: ['The app keeps crashing at checkout', 'Could not log in to the website', 'APP一直閃退', '网页打不开'],
  },
  {
    id: 'refund-returns', name: 'Refund/Returns', names: { en: 'Refund/Returns', 'zh-Hant': '退款／退貨', 'zh-Hans': '退款／退货' },
    keywords: ['refund*', 'return*', 'exchange', 'money back', 'chargeback', 'reimburse*', 'cancel*',
      '退款', '退貨', '退货', '換貨', '换货', '退錢', '退钱', '退換', '退换', '取消訂單', '取消订单', '售後', '售后'],
    examples: ['Still waiting for my refund', 'Returning the item was easy', '退款申請了一週還沒到', '退货流程太复杂'],
  },
  {
    id: 'product-quality', name: 'Product quality', names: { en: 'Product quality', 'zh-Hant': '產品品質', 'zh-Hans': '产品质量' },
    keywords: ['quality', 'broke', 'broken', 'breaks', 'defective', 'damaged', 'faulty', 'durable', 'material', 'taste', 'tasty', 'fresh', 'stale', 'flavor', 'flavour',
      '質量', '质量', '品質', '品质', '做工', '材質', '材质', '味道', '口味', '新鮮', '新鲜', '破損', '破损', '壞了', '坏了', '瑕疵'],
    examples: ['The product broke after a week', 'The food was fresh and tasty', '衣服質量很好', '收到的杯子有破损'],
  },
  {
    id: 'wait-time', name: 'Wait time', names: { en: 'Wait time', 'zh-Hant': '等候時間', 'zh-Hans': '等候时间' },
    keywords: ['wait*', 'queue', 'line', 'on hold', 'slow', 'took forever', 'hours', 'minutes', 'delay*',
      '等待', '等候', '等了', '排隊', '排队', '太慢', '很慢', '延遲', '延迟', '延誤', '延误', '久等', '分鐘', '分钟', '小時', '小时'],
    examples: ['We waited an hour for a table', 'On hold for forty minutes', '排隊排了半小時', '上菜速度太慢'],
  },
];
