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
  // "pretty good", "pretty useless": in reviews a degree word, not a compliment (its lexicon valence is skipped).
  ['pretty', 0],
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
  // Second list: words of electronics and service reviews (picture, sound, speed, build, faults).
  sharp: 1.2, sharper: 1.2, grainy: -1.4, fuzzy: -1, dim: -0.8, tinny: -1.3, bulky: -1, compact: 0.9, sleek: 1.4,
  slow: -1, slower: -0.8, sluggishly: -1.4, fast: 0.8, faster: 0.8, quick: 0.8, snappy: 1.3, zippy: 1.2,
  cumbersome: -1.4, complicated: -1, convenient: 1.5, dependable: 1.6, rugged: 1.1, fragile: -1, decent: 1.2,
  mediocre: -1.3, subpar: -1.6, lacking: -1.1, lacks: -1, garbage: -2.2, trash: -1.9, cheapo: -1.2, flaky: -1.4,
  skips: -1.3, skipping: -1.2, froze: -1.5, overheats: -1.7, overheating: -1.7, drains: -1, dies: -1.5, breaks: -1.4,
  issue: -0.6, issues: -0.8, bug: -0.8, bugs: -0.8, expensive: -0.8,
};

/**
 * Product- and service-review expressions whose words alone say little or the wrong thing to the
 * lexicon ("work" has no valence, so "stopped working" scored nothing; "don't waste" read as a
 * negated negative, i.e. positive). Keys are token norms as `tokenizeEnglish` makes them ("doesn't"
 * → "doesnt"), values on VADER's −4 … +4 scale. A negator before a phrase flips it like a word
 * ("never stopped working"). Written for Touchpoint from what customers commonly write; no data
 * were consulted.
 */
export const EN_PHRASES: Record<string, number> = {
  // It broke / stopped working.
  'stopped working': -2.3, 'stops working': -2.2, 'stop working': -2, 'quit working': -2.2, 'quit on me': -2,
  'died on me': -2.1, 'stopped charging': -2, 'wont charge': -1.8, 'wont turn on': -2.2, 'doesnt turn on': -2.1,
  'wont hold a charge': -2.2, 'doesnt hold a charge': -2.2, 'dead on arrival': -2.8, 'fell apart': -2.2,
  'falls apart': -2.1, 'falling apart': -2.1, 'came apart': -1.9, 'broke down': -2, 'not working': -1.9,
  'doesnt work': -2, 'didnt work': -2, 'does not work': -2, 'did not work': -2, 'dont work': -1.8, 'wont work': -1.8,
  'never worked': -2.3, 'no longer works': -2.1, 'no longer working': -2.1, 'stopped responding': -2,
  // Returns and money.
  'returned it': -1.8, 'return it': -1.5, 'returning it': -1.8, 'had to return': -2, 'sent it back': -2,
  'send it back': -1.9, 'sending it back': -1.9, 'want my money back': -2.6, 'waste of money': -2.8,
  'waste of time': -2.6, 'waste your money': -2.8, 'dont waste': -2.4, 'do not waste': -2.4, 'save your money': -2,
  'not worth': -1.8, 'not worth it': -2, 'dont buy': -2.2, 'do not buy': -2.2, 'piece of junk': -3, 'piece of garbage': -3,
  'piece of crap': -3, 'ripped off': -2.5, 'rip off': -2.3, 'cheaply made': -2,
  // Recommendations and coming back.
  'would not recommend': -2.3, 'wouldnt recommend': -2.3, 'do not recommend': -2.4, 'dont recommend': -2.4,
  'cannot recommend': -2, 'cant recommend': -2, 'highly recommend': 2.9, 'highly recommended': 2.9,
  'would recommend': 1.9, 'would buy again': 2.3, 'buy it again': 2, 'never again': -1.9, 'wont be back': -2.3,
  'will not be back': -2.3, 'wont be returning': -2.1, 'will be back': 2, 'coming back': 1.2, 'cant wait': 1.7,
  // Delivery and service.
  'late again': -1.9, 'third time': -1.2, 'fourth time': -1.4, 'yet again': -1, 'still waiting': -1.9,
  'still havent': -1.5, 'never arrived': -2.4, 'never received': -2.3, 'never showed up': -2.3, 'never came': -1.9,
  'no response': -1.7, 'no reply': -1.6, 'on hold': -1.2, 'hung up': -1.6, 'on time': 1.2, 'arrived early': 1.6,
  'ahead of schedule': 1.6,
  // It works.
  'works great': 2.6, 'works well': 2.2, 'works perfectly': 2.7, 'works fine': 1.7, 'works like a charm': 2.7,
  'worked great': 2.4, 'worked perfectly': 2.5, 'worked fine': 1.5, 'works as advertised': 2, 'as advertised': 1.3,
  'as described': 1.3, 'exactly as described': 1.9, 'exactly what i wanted': 2.2, 'exactly what i needed': 2.2,
  'does the job': 1.6, 'does the trick': 1.6, 'gets the job done': 1.6, 'easy to use': 2, 'easy to install': 1.7,
  'easy to set up': 1.7, 'hard to use': -1.6, 'difficult to use': -1.7,
  // Verdicts.
  'cant beat': 2, 'cant go wrong': 2.2, 'cant complain': 1.4, 'no complaints': 1.9, 'no issues': 1.5,
  'never had a problem': 1.9, 'worth every penny': 2.8, 'well worth': 2.1, 'better than expected': 2,
  'worse than expected': -2.1, 'exceeded my expectations': 2.6, 'had better': -1, 'five stars': 2.6, '5 stars': 2.6,
  'four stars': 1.8, '4 stars': 1.8, 'two stars': -1.2, '2 stars': -1.2, 'one star': -2.2, '1 star': -2.2,
  'zero stars': -2.6, '0 stars': -2.6, 'couldnt be happier': 3, 'could not be happier': 3, 'couldnt be better': 2.8,
  'could be better': -1.2, 'could have been better': -1.3, 'expected better': -1.6, 'expected more': -1.3,
  'below expectations': -1.8, 'far below': -1.3, 'keep looking': -1.4, 'just what i wanted': 2, 'just what i needed': 2,
  'order it again': 2, 'order again': 1.9, 'fixed the problem': 1.4, 'fixes the problem': 1.4, 'worked once': -1.6,
  'locks up': -1.7, 'locked up': -1.5, 'lock up': -1.4, 'no trouble': 1.5, 'no problem': 1.5,
  'to die for': 3, 'fell in love': 2.8, 'one of my favorites': 2.5, 'one of my favourites': 2.5, 'keeps getting better': 2.5,
  'stay away': -2.3, 'steer clear': -2.2, 'go elsewhere': -1.8, 'look elsewhere': -1.8, 'not impressed': -1.9,
  'a breeze': 1.8, 'hard to beat': 2, 'hard to follow': -1.4, 'hard to read': -1.4, 'takes forever': -1.8, 'took forever': -1.9,
  'taking forever': -1.8,
};
