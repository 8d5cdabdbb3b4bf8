/**
 * Chinese rule words (Simplified; text is normalised to Simplified before analysis): negators,
 * intensifiers and diminishers, contrast. Written for Touchpoint.
 */
export const ZH_NEGATORS = new Set([
  '不', '没', '没有', '无', '非', '未', '别', '莫', '勿', '毫不', '并不', '并非', '绝不', '从不', '从没', '从未',
  '不是', '不会', '不能', '无法', '不够', '不太', '不怎么', '不大', '没什么', '谈不上', '算不上', '不算', '决不',
  '毫无', '不再', '不要', '不用', '甭', '休想', '难以',
]);

/** Added to a following sentiment word's magnitude (fraction); negative values weaken it. */
export const ZH_BOOSTERS = new Map<string, number>([
  ['非常', 0.5], ['很', 0.3], ['太', 0.4], ['特别', 0.4], ['十分', 0.4], ['极其', 0.6], ['极', 0.5], ['超', 0.4],
  ['超级', 0.5], ['最', 0.5], ['相当', 0.3], ['挺', 0.2], ['真', 0.3], ['真的', 0.3], ['更', 0.2], ['蛮', 0.2],
  ['巨', 0.4], ['特', 0.3], ['极度', 0.6], ['尤其', 0.3], ['格外', 0.4], ['实在', 0.3], ['超级无敌', 0.6],
  ['太过', 0.4], ['过于', 0.3], ['异常', 0.4], ['分外', 0.4], ['颇', 0.2], ['非常非常', 0.7], ['完全', 0.4], ['绝对', 0.4],
  ['有点', -0.3], ['有点儿', -0.3], ['有些', -0.3], ['稍微', -0.3], ['稍', -0.3], ['略', -0.3], ['略微', -0.3],
  ['比较', -0.1], ['还', -0.2], ['还算', -0.2], ['一点', -0.3], ['不太', -0.3], ['不大', -0.3], ['不怎么', -0.3],
]);

export const ZH_CONTRAST = new Set(['但是', '但', '不过', '可是', '然而', '只是', '却', '可惜', '遗憾的是']);

/** Negating prefixes of fused tokens a segmenter may return ("不错", "没问题", "不太好"). */
export const ZH_NEGATING_PREFIXES: readonly [string, number][] = [
  ['不太', -0.3], ['不怎么', -0.3], ['没有', 0], ['不够', 0], ['不', 0], ['没', 0], ['无', 0], ['非', 0], ['未', 0],
];

/**
 * Common review words NTUSD lacks (mostly single characters), on the −4 … +4 scale; merged into
 * the lexicon at training time.
 */
export const ZH_EXTRA_LEXICON: Record<string, number> = {
  好: 2, 棒: 2.5, 赞: 2.5, 爱: 2, 喜欢: 2, 值: 1.5, 值得: 2, 划算: 2, 实惠: 2, 热情: 2, 周到: 2, 干净: 2, 舒服: 2,
  舒适: 2, 快: 1, 准时: 1.5, 好用: 2, 好吃: 2, 好看: 2, 流畅: 2, 清晰: 1.5, 安静: 1.5, 耐心: 1.5, 贴心: 2, 给力: 2.5,
  差: -2, 烂: -2.5, 坏: -2, 脏: -2, 贵: -1, 吵: -1.5, 慢: -1, 臭: -2, 旧: -1, 乱: -1.5, 错: -1.5, 坑: -2.5, 垃圾: -3,
  失望: -2.5, 后悔: -2.5, 退货: -1.5, 投诉: -2, 麻烦: -1.5, 卡: -1, 问题: -1.5, 故障: -2, 难吃: -2.5, 难用: -2.5,
  恶心: -3, 糟糕: -2.5, 敷衍: -2, 冷漠: -2, 态度差: -2.5, 不值: -2, 骗: -2.5, 慢吞吞: -1.5, 拖: -1,
  // Customer-service words (Intl.Segmenter splits most of them into characters; the rules re-join them).
  闪退: -2.5, 卡顿: -2, 死机: -2.5, 到账: 1, 到货: 0.5, 丢件: -2.5, 漏发: -2, 错发: -2, 发错: -2, 延误: -2, 破损: -2,
  掉线: -2, 转圈: -1, 没人理: -2.5, 不理: -2, 退款难: -2.5,
};
