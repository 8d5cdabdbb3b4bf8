/** English rule words: negators, intensifiers and diminishers, contrast. Written for Touchpoint. */
export const EN_NEGATORS = new Set([
  'not', 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor', 'nowhere', 'cannot', 'without', 'hardly',
  'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'cant', 'couldnt', 'wont', 'wouldnt', 'shouldnt',
  'havent', 'hasnt', 'hadnt', 'aint', 'neednt', 'mustnt', 'nope', 'nah', 'rarely', 'seldom',
]);

/** Added to a following sentiment word's magnitude (as a fraction of one lexicon step). */
export const EN_BOOSTERS = new Map<string, number>([
  ...['absolutely', 'amazingly', 'awfully', 'completely', 'considerably', 'decidedly', 'deeply', 'enormously', 'entirely',
    'especially', 'exceptionally', 'extremely', 'fabulously', 'greatly', 'highly', 'hugely', 'incredibly', 'intensely',
    'particularly', 'purely', 'really', 'remarkably', 'so', 'substantially', 'thoroughly', 'totally', 'tremendously',
    'truly', 'unbelievably', 'unusually', 'utterly', 'very', 'super', 'most', 'too', 'such', 'real', 'damn', 'freaking',
    'insanely', 'seriously', 'ridiculously', 'exceedingly', 'terribly', 'way'].map((w) => [w, 0.3] as [string, number]),
  ...['almost', 'barely', 'kinda', 'less', 'marginally', 'occasionally', 'partly', 'scarcely', 'slightly', 'somewhat',
    'sorta', 'fairly', 'little', 'bit', 'mildly', 'reasonably'].map((w) => [w, -0.3] as [string, number]),
]);

/** Words after which the rest of the sentence counts more and what came before counts less. */
export const EN_CONTRAST = new Set(['but', 'however', 'although', 'though', 'yet', 'nevertheless', 'unfortunately']);

/**
 * Product and customer-service words VADER's lexicon lacks, on its −4 … +4 scale; merged into the
 * lexicon at training time. Written for Touchpoint (no data consulted).
 */
export const EN_EXTRA_LEXICON: Record<string, number> = {
  flimsy: -1.8, junk: -2.2, junky: -2, crappy: -2.3, shoddy: -2, cheaply: -1.2, poorly: -1.5, overpriced: -1.6, pricey: -0.8,
  unusable: -2.2, unreliable: -1.8, inoperable: -2, malfunction: -1.8, malfunctions: -1.8, malfunctioned: -1.9, faulty: -1.6,
  crashed: -1.6, crashing: -1.7, crashes: -1.6, crash: -1.4, freezing: -1, glitchy: -1.7, glitch: -1.2, glitches: -1.3,
  buggy: -1.7, laggy: -1.5, unresponsive: -1.7, cracked: -1.4, scratched: -1.1, leaking: -1.3, leaky: -1.3, dented: -1.2,
  defect: -1.7, defects: -1.7, returned: -0.8, refund: -0.6, hassle: -1.5, incompatible: -1.3, mislabeled: -1.3,
  counterfeit: -2, knockoff: -1.5, ripoff: -2.3, 'rip-off': -2.3, unhelpful: -1.8, clunky: -1.3, wobbly: -1.1,
  sturdy: 1.6, durable: 1.6, reliable: 1.6, intuitive: 1.5, seamless: 1.6, seamlessly: 1.6, flawless: 2.4, flawlessly: 2.4,
  handy: 1.4, snug: 1, lightweight: 0.8, responsive: 1.4, crisp: 1.2, roomy: 1.1, ergonomic: 1.2, affordable: 1.4,
  bargain: 1.4, 'well-made': 1.8, 'user-friendly': 1.6, 'hassle-free': 1.6, pricy: -0.8,
};
