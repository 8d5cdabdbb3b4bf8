/** Open-text answers in English, Traditional and Simplified Chinese that the text tests share: delivery, price, app, staff, refund. */
export const MIXED_COMMENTS = [
  'The parcel arrived three days late and the courier was rude.',
  'Great value for money, the price is fair.',
  'The app keeps crashing at checkout, please fix it asap!',
  'Friendly staff and quick service.',
  '快遞三天才到，包裝也破了。',
  '價格偏貴，但服務態度很好。',
  'APP一直閃退，退款也沒到賬。',
  '快递很快，客服态度很好。',
  '价格太贵了，性价比不高。',
  '退款一直没到账，请尽快处理！',
  'Refund still not received after two weeks.',
  'Nice packaging, the box was sturdy.',
];
