/**
 * Hand-written Chinese CX sentences with the key phrases a reader would pick, in Simplified; the
 * tests and eval/aspects.ts also run them converted to Traditional. A smoke check, not a benchmark.
 */
export const ZH_EXAMPLES: Array<{ text: string; phrases: string[] }> = [
  { text: '这家店的物流太慢了，客服态度也很差', phrases: ['物流', '客服态度'] },
  { text: '快递员态度非常好，包装很仔细', phrases: ['快递员态度', '包装'] },
  { text: '退款申请了三天还没处理', phrases: ['退款'] },
  { text: '价格偏贵，但是菜品味道不错', phrases: ['价格', '菜品味道'] },
  { text: 'APP一直闪退，登录不了', phrases: ['APP', '登录'] },
  { text: '房间很干净，早餐种类丰富，前台服务周到', phrases: ['房间', '早餐种类', '前台'] },
  { text: '我已经投诉第三次了，退货流程太复杂', phrases: ['退货流程'] },
  { text: '售后服务让人失望，电话一直打不通', phrases: ['售后服务', '电话'] },
  { text: '衣服质量很好，尺码偏小', phrases: ['衣服质量', '尺码'] },
  { text: '配送速度很快，性价比高', phrases: ['配送速度', '性价比'] },
  { text: '服务员很热情，环境也不错', phrases: ['服务员', '环境'] },
  { text: '会员积分规则看不懂，优惠券也用不了', phrases: ['会员积分规则', '优惠券'] },
];
