/**
 * Common customer-experience aspects in English, matched on whole (singularised) words, longest
 * first. The tagger is trained on restaurant reviews; these cover what CX text adds (delivery,
 * refunds, apps, accounts …) and are merged with the tagger's terms where they do not overlap.
 */
import { norm } from './features-en.js';
import type { TermSpan } from './model-en.js';
import { tokenizeEn } from './tokenize-en.js';

export const SEED_ASPECTS_EN = [
  'delivery', 'delivery time', 'shipping', 'shipping cost', 'courier', 'driver', 'package', 'parcel', 'tracking', 'tracking number',
  'refund', 'return', 'return policy', 'exchange', 'replacement', 'warranty', 'repair', 'installation',
  'price', 'pricing', 'fee', 'delivery fee', 'cost', 'discount', 'coupon', 'voucher', 'invoice', 'bill', 'billing', 'payment', 'subscription',
  'customer service', 'customer support', 'support', 'support team', 'agent', 'staff', 'employee', 'manager', 'cashier', 'receptionist',
  'app', 'website', 'site', 'checkout', 'login', 'login screen', 'password', 'account', 'update', 'notification', 'search', 'interface',
  'order', 'booking', 'reservation', 'appointment', 'queue', 'wait', 'wait time', 'waiting time', 'hold time', 'call', 'email', 'chat',
  'quality', 'product', 'product quality', 'size', 'packaging', 'parking', 'parking lot', 'location', 'store', 'shop', 'branch', 'room',
  'check-in', 'check in', 'breakfast', 'cleanliness', 'menu', 'portion', 'taste', 'membership', 'loyalty program', 'points',
];

const SEEDS = new Map<string, number>();
let maxLen = 1;
for (const s of SEED_ASPECTS_EN) {
  const key = tokenizeEn(s).map((t) => norm(t.text)).join(' ');
  SEEDS.set(key, 1);
  maxLen = Math.max(maxLen, key.split(' ').length);
}

export function seedTermsEn(text: string): TermSpan[] {
  const tokens = tokenizeEn(text);
  const normed = tokens.map((t) => norm(t.text));
  const out: TermSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    let len = Math.min(maxLen, tokens.length - i);
    while (len > 0 && !SEEDS.has(normed.slice(i, i + len).join(' '))) len--;
    if (len === 0) { i++; continue; }
    const start = tokens[i].start;
    const end = tokens[i + len - 1].end;
    out.push({ term: text.slice(start, end), start, end });
    i += len;
  }
  return out;
}
