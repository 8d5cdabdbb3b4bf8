/**
 * Cue rules: phrases that signal anger, frustration or urgency, for English and Chinese.
 * Chinese patterns are Simplified; texts are folded (繁 → 简, lower case, same length) first, so the
 * same rule matches both scripts. English patterns are matched on whole words.
 */
export type CueKind = 'anger' | 'frustration' | 'urgency';

export interface CueRule {
  id: string;
  kind: CueKind;
  language: 'en' | 'zh';
  weight: number;
  pattern: RegExp;
}

const NUM_EN = '(?:second|third|fourth|fifth|sixth|tenth|umpteenth|2nd|3rd|4th|5th|6th|\\d+(?:st|nd|rd|th))';
const COUNT_EN = '(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|many|\\d+)';
const NUM_ZH = '[二两三四五六七八九十几\\d]';

function en(kind: CueKind, id: string, weight: number, patterns: string[]): CueRule {
  return { id, kind, language: 'en', weight, pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${patterns.join('|')})(?![\\p{L}\\p{N}])`, 'gu') };
}

function zh(kind: CueKind, id: string, weight: number, patterns: string[]): CueRule {
  return { id, kind, language: 'zh', weight, pattern: new RegExp(`(?:${patterns.join('|')})`, 'gu') };
}

export const CUE_RULES: CueRule[] = [
  en('anger', 'anger-words', 1, [
    'furious', 'angry', 'angrier', 'livid', 'outraged', 'outrageous', 'enraged', 'pissed(?: off)?', 'mad at', 'disgusted', 'disgusting',
    'appalled', 'appalling', 'infuriat(?:ed|ing)', 'unacceptable', 'ridiculous', 'disgrace(?:ful)?', 'shameful', 'insult(?:ing)?',
    'how dare', 'scam(?:med|mers?)?', 'rip[- ]?off', 'ripped off', 'thie(?:f|ves)', 'liars?', 'worst \\w+(?: \\w+)? ever', 'never again',
  ]),
  en('anger', 'anger-profanity', 1, ['wtf', 'damn(?:ed|it)?', 'f+u+c+k+(?:ing|ed)?', 'f\\*+k(?:ing)?', 'sh[i*]t(?:ty)?', 'crap(?:py)?', 'bullshit', 'bs']),
  en('anger', 'anger-threat', 1, [
    '(?:file|filing|make|lodge) a (?:formal )?complaint', 'report(?:ing)? you', 'lawyers?', 'sue', 'suing', 'legal action', 'chargeback',
    '(?:cancel|cancell?ing) my (?:account|subscription|order|membership)', 'take my business elsewhere', 'bad review', 'one[- ]star',
  ]),
  en('frustration', 'frustration-words', 1, [
    'frustrat(?:ed|ing|ion)', 'annoy(?:ed|ing)', 'fed up', 'sick (?:and tired )?of', 'tired of', 'exhausting', 'hopeless', 'useless',
    'pointless', 'waste of (?:my )?time', 'wasted (?:my )?time', 'give up', 'gave up', 'at my wits\' end', 'going in circles',
  ]),
  en('frustration', 'frustration-repeat', 1, [
    `(?:for )?(?:the )?${NUM_EN} time`, `${COUNT_EN} times`, 'yet again', 'again and again', 'over and over', 'every (?:single )?time',
    'how many (?:more )?times', 'keeps? (?:happening|breaking|crashing|failing|asking|telling)', 'still (?:not|no|nothing|waiting|broken|haven\'t|hasn\'t|isn\'t|doesn\'t|can\'t|unresolved)',
    'no one (?:answers|replies|responds|helps|cares)', 'nobody (?:answers|replies|responds|helps|cares)', 'no (?:reply|response|answer) (?:yet|at all)',
    'on hold for', 'waited (?:for )?(?:hours|days|weeks|ages|forever)', 'been waiting',
  ]),
  en('urgency', 'urgency-words', 1, [
    'urgent(?:ly)?', 'asap', 'as soon as possible', 'immediately', 'right (?:now|away)', 'emergency', 'critical', 'top priority',
    'time[- ]sensitive', 'deadline', 'hurry', 'rush', 'need (?:it|this|help|a reply|an answer) (?:today|now|tonight|by tomorrow)',
    'by (?:today|tonight|tomorrow|end of (?:the )?day)', 'within the hour', 'at once', 'without delay',
  ]),
  zh('anger', 'anger-words', 1, [
    '气死', '气人', '生气', '愤怒', '火大', '恼火', '气愤', '太过分', '过分了', '岂有此理', '无法接受', '不能接受', '不可接受', '什么玩意', '垃圾',
    '骗子', '骗人', '欺骗', '坑人', '坑爹', '黑店', '恶心', '无耻', '混蛋', '滚', '妈的', '他妈', '去死', '再也不(?:会)?(?:来|买|用)',
  ]),
  zh('anger', 'anger-threat', 1, ['投诉', '举报', '曝光', '差评', '消协', '消费者协会', '12315', '315', '起诉', '律师', '报警', '维权', '退订', '销户']),
  zh('frustration', 'frustration-words', 1, [
    '无语', '烦死', '很烦', '好烦', '烦人', '郁闷', '崩溃', '受够', '心累', '折腾', '白等', '浪费(?:我的)?时间', '踢皮球', '推来推去',
    '没人(?:理|管|回|接)', '无人(?:理|管|回|接)', '石沉大海', '不了了之', '失望透顶',
  ]),
  zh('frustration', 'frustration-repeat', 1, [
    `第${NUM_ZH}+次`, `${NUM_ZH}+次了`, '又一次', '再一次', '一次又一次', '好几次', '多次', '屡次', '一再', '反复', '每次都',
    '一直(?:没|不|都没|在等)', '还是没', '还没(?:有)?(?:到|收到|处理|解决|回复|退)', '到现在(?:都|还)', `等了${NUM_ZH}*[个]?(?:天|小时|星期|周|月|多)`,
  ]),
  zh('urgency', 'urgency-words', 1, [
    '马上', '立刻', '立即', '尽快', '赶紧', '赶快', '紧急', '急需', '急用', '着急', '十万火急', '加急', '快点', '今天之内', '今天内',
    '刻不容缓', '火速', '越快越好', '急',
  ]),
];

/** A negator up to two words before an English cue, within its clause ("not urgent", "no rush at all"). */
export const NEGATED_BEFORE_EN = /(?:(?<![\p{L}\p{N}])(?:not|no|never|nothing|hardly|barely|without|nor|cannot)|n['’]t)(?:\s+[\p{L}\p{N}']+){0,2}\s*$/u;
/** A negator right before a Chinese cue, with at most a degree or modal word between ("不急", "不是很急", "不用马上"). */
export const NEGATED_BEFORE_ZH = /(?:不用|不必|无需|无须|不需要|并不|不是|没有|不太|不|没|别|无|未)(?:是|太|很|那么|怎么|这么|着|用|必|需要|算)?$/u;
