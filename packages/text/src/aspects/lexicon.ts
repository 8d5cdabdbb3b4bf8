/**
 * A small hand-written sentiment lexicon: the fallback that scores an aspect's clause when no
 * sentence-sentiment function is supplied. Values are in [-1, 1]; Chinese entries are Simplified
 * (texts are folded to Simplified before look-up, see themes/fold.ts).
 */
const EN_POS_STRONG = 'amazing awesome excellent fantastic outstanding perfect superb wonderful incredible phenomenal exceptional brilliant delicious delightful divine heavenly magnificent best love loved loves adore';
const EN_POS = 'good great nice fine fresh tasty friendly helpful attentive polite courteous kind quick fast prompt efficient clean cozy cosy comfortable pleasant lovely enjoy enjoyed enjoyable happy satisfied recommend recommended reasonable affordable cheap worth generous warm authentic flavorful flavourful yummy impressive impressed beautiful cute charming elegant relaxing smooth easy simple reliable accurate professional knowledgeable welcoming solid decent tender crispy juicy generous fair thank thanks appreciate glad pleased terrific cool favorite favourite fun';
const EN_NEG_STRONG = 'awful terrible horrible disgusting worst hate hated inedible rude appalling atrocious dreadful pathetic unacceptable nightmare scam furious';
const EN_NEG = 'bad poor slow cold bland stale soggy dry greasy oily salty overpriced expensive pricey dirty filthy noisy loud crowded cramped small tiny tasteless mediocre disappointing disappointed disappointment wrong broken broke breaks late delayed missing lost damaged unfriendly unhelpful inattentive arrogant annoying annoyed angry upset frustrating frustrated confusing confused difficult hard useless waste wasted lacking lacked burnt burned raw undercooked overcooked tough chewy sour bitter sick ignored forgot forgotten mistake problem problems issue issues complaint fail failed failure fails crash crashes crashed crashing freezes freezing frozen laggy glitch glitchy buggy error sucks sucked meh boring ugly uncomfortable unprofessional incompetent careless sloppy rushed';
const ZH_POS_STRONG = '完美 超赞 超好 极好 非常好 太棒 一流 惊艳 超值 满意 喜欢 推荐 好吃 美味 感谢';
const ZH_POS = '好 棒 赞 快 准时 及时 新鲜 干净 热情 友好 耐心 专业 周到 贴心 方便 便宜 实惠 划算 值得 舒服 舒适 不错 可以 开心 高兴 好用 流畅 稳定 清楚 细心 礼貌 准确 漂亮 合理 省心 温馨 给力 靠谱 放心 满分 称赞 谢谢 仔细 认真 用心 丰富 齐全 实在';
const ZH_NEG_STRONG = '垃圾 恶心 糟糕 差劲 最差 太差 气死 愤怒 欺骗 骗子 坑人 坑 无语 失望 投诉';
const ZH_NEG = '差 慢 贵 脏 冷 吵 乱 烂 坏 破 错 难吃 难用 难看 难受 麻烦 不满 问题 故障 延迟 延误 拖延 丢失 丢件 破损 漏发 错发 态度差 敷衍 冷漠 推诿 不耐烦 不专业 卡顿 闪退 崩溃 等太久 太久 生气 不爽 后悔 浪费 偏贵 贵了 少了 过期 变质 异味 粗鲁 傲慢 没用 没人理 不理 欠佳 一般 麻麻 离谱 失误 复杂 偏小 偏大 偏咸 偏甜 偏硬 打不通 看不懂 用不了 联系不上 找不到 收不到 不能用 没反应 没人管 没处理 未处理 没回复 不回复 没收到 没消息 退不了 没到账 未到账 不到账 到不了 丢了 弄丢 迟迟 一直没 不见了';

export const NEGATORS_EN = new Set(['not', "n't", 'no', 'never', 'nothing', 'hardly', 'barely', 'without', 'nor', 'neither', 'none', 'nobody', 'cannot']);
export const NEGATORS_ZH = ['不是', '不太', '不够', '不会', '没有', '沒有', '并不', '並不', '从不', '從不', '毫不', '绝不', '不', '没', '沒', '无', '無', '别', '別', '未', '非'];
export const INTENSIFIERS_EN = new Map<string, number>([
  ['very', 1.4], ['really', 1.3], ['so', 1.3], ['extremely', 1.6], ['super', 1.4], ['incredibly', 1.6],
  ['too', 1.3], ['quite', 1.1], ['absolutely', 1.5], ['totally', 1.4], ['pretty', 1.1], ['most', 1.3],
  ['slightly', 0.6], ['somewhat', 0.7], ['bit', 0.7], ['little', 0.8], ['kinda', 0.8], ['rather', 0.9],
]);
export const INTENSIFIERS_ZH = new Map<string, number>([
  ['非常', 1.5], ['特别', 1.4], ['超级', 1.5], ['十分', 1.4], ['极其', 1.6], ['太', 1.4], ['很', 1.2], ['真', 1.2],
  ['好', 1.1], ['超', 1.4], ['挺', 1.1], ['比较', 0.9], ['偏', 0.9], ['有点', 0.7], ['有些', 0.7], ['稍微', 0.6], ['略', 0.6],
]);

function table(strong: string, normal: string, sign: 1 | -1): Array<[string, number]> {
  return [
    ...strong.split(/\s+/).map((w) => [w, sign * 1] as [string, number]),
    ...normal.split(/\s+/).map((w) => [w, sign * 0.6] as [string, number]),
  ];
}

export const LEXICON_EN = new Map<string, number>([
  ...table(EN_POS_STRONG, EN_POS, 1),
  ...table(EN_NEG_STRONG, EN_NEG, -1),
]);

/** Chinese entries, longest first so that 不错 wins over 错 when scanning. */
export const LEXICON_ZH: Array<[string, number]> = [
  ...table(ZH_POS_STRONG, ZH_POS, 1),
  ...table(ZH_NEG_STRONG, ZH_NEG, -1),
].sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
