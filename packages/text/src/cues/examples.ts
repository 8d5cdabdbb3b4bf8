/**
 * Hand-written customer messages with the cues a support lead would flag, for `npm run eval`
 * (eval/cues.ts). Simplified Chinese entries are also run converted to Traditional. Written for
 * Touchpoint as a smoke check of the rules, not a benchmark: no public labelled cue data exist here.
 */
import type { CueKind } from './rules.js';

export const CUE_EXAMPLES: Array<{ text: string; cues: CueKind[] }> = [
  { text: 'Fourth time I am writing about the same invoice. Sort it out today.', cues: ['frustration', 'urgency'] },
  { text: 'Your courier threw the parcel over the fence, this is outrageous', cues: ['anger'] },
  { text: 'I have been waiting since Monday for a callback', cues: ['frustration'] },
  { text: 'Card blocked abroad, I need help right now', cues: ['urgency'] },
  { text: 'Thanks, the replacement arrived and works perfectly', cues: [] },
  { text: 'No hurry, just wondering when the new catalogue comes out', cues: [] },
  { text: 'The app logs me out every single time I open it', cues: ['frustration'] },
  { text: 'If this is not fixed I will cancel my subscription', cues: ['anger'] },
  { text: 'Could you change my delivery address please?', cues: [] },
  { text: 'Absolutely ridiculous. Nobody answers the phone and the chat is useless.', cues: ['anger', 'frustration'] },
  { text: 'Flight leaves tomorrow morning and my passport is still with you, please hurry', cues: ['frustration', 'urgency'] },
  { text: 'I am not upset, the refund just has not shown up yet', cues: [] },
  { text: '订单显示已签收，但我根本没收到，第二次了', cues: ['frustration'] },
  { text: '再不处理我就去消协投诉', cues: ['anger'] },
  { text: '明天就要用，麻烦尽快发货', cues: ['urgency'] },
  { text: '东西很好，包装也很用心，谢谢', cues: [] },
  { text: '打了五次电话都没人接，太气人了', cues: ['anger', 'frustration'] },
  { text: '不着急，有空再回复我就行', cues: [] },
  { text: '客服一直让我等，等了两个小时', cues: ['frustration'] },
  { text: '系统崩了，用户都登录不了，请立即处理', cues: ['frustration', 'urgency'] },
  { text: '请问会员积分怎么兑换？', cues: [] },
  { text: '收到的是坏的，真是垃圾', cues: ['anger'] },
];
