/**
 * Emoji and emoticon valences on the lexicon scale (−4 … +4), written for Touchpoint. Emoji carry
 * sentiment in any language, so they are scored the same in English and Chinese text.
 */
const EMOJI_VALENCE: Record<string, number> = {
  '😀': 2.5, '😃': 2.5, '😄': 2.6, '😁': 2.4, '😆': 2.2, '😊': 2.6, '🙂': 1.5, '😉': 1.4, '😍': 3.2, '🥰': 3.2,
  '😘': 2.4, '😋': 2.2, '😎': 2, '🤩': 3, '🥳': 2.8, '😇': 2, '🤗': 2.2, '👍': 2.2, '👏': 2.2, '🙌': 2.4,
  '💯': 2.4, '🎉': 2.4, '✨': 1.4, '⭐': 1.5, '🌟': 1.8, '❤': 3, '💕': 2.8, '💖': 3, '💗': 2.8, '💓': 2.6,
  '😂': 1.2, '🤣': 1.2, '😅': 0.3, '🙏': 1.2, '👌': 1.8, '💪': 1.6, '🔥': 1.2, '🏆': 2, '🆗': 0.8, '☺': 2.2,
  '😐': -0.5, '😑': -0.8, '😶': -0.5, '🙄': -1.8, '😒': -2, '😕': -1.6, '🙁': -1.8, '☹': -2, '😟': -1.8, '😞': -2.4,
  '😔': -2, '😢': -2.4, '😭': -2.6, '😩': -2.6, '😫': -2.6, '😤': -2.2, '😠': -2.8, '😡': -3.2, '🤬': -3.4, '👎': -2.4,
  '💔': -2.8, '😣': -2.2, '😖': -2.4, '😨': -2, '😰': -2, '😱': -2.2, '🤮': -3, '🤢': -2.6, '💩': -2.6, '😓': -1.6,
  '😪': -1.2, '😴': -0.8, '🤦': -2, '😬': -1, '😷': -1, '🤔': -0.3, '😮': 0, '😲': 0.2, '❌': -1.6, '✅': 1.2,
};

const EMOTICON_VALENCE: Record<string, number> = {
  ':)': 2, ':-)': 2, ':]': 1.8, '=)': 1.8, ':d': 2.4, ':-d': 2.4, 'xd': 1.8, ';)': 1.4, ';-)': 1.4, ':p': 1,
  '<3': 2.6, ':(': -2, ':-(': -2, ':[': -1.8, '=(': -1.8, ":'(": -2.4, ':/': -1, ':-/': -1, '>:(': -2.8, 'd:': -2,
  '^_^': 2, '^^': 1.8, 'orz': -1.5, 'qq': -1.2, 't_t': -2,
};

const TABLE = new Map([...Object.entries(EMOJI_VALENCE), ...Object.entries(EMOTICON_VALENCE)]);

const MODIFIER = /[\u200d\ufe0f]|\ud83c[\udffb-\udfff]/;

export function emojiValence(token: string): number | undefined {
  const direct = TABLE.get(token);
  if (direct !== undefined || token.length < 2 || token.charCodeAt(0) < 0x2190) return direct;
  // Only a token holding a joiner, a variation selector or a skin tone can differ from its base.
  if (!MODIFIER.test(token)) return undefined;
  const base = token.replace(/[\u{1F3FB}-\u{1F3FF}\u200d\ufe0f]/gu, '');
  return base === token ? undefined : (TABLE.get(base) ?? TABLE.get(base.toLowerCase()));
}

/** Every entry, for the rules fingerprint stored with each model. */
export function emojiEntries(): [string, number][] {
  return [...TABLE];
}
