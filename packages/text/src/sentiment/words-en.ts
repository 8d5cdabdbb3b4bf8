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
