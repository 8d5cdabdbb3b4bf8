import type { PublicSurvey, SurveyDefinition } from '@touchpoint/shared';

/** NPS with a detractor follow-up (0–6) that itself gates a second follow-up. */
export const NPS_SURVEY: SurveyDefinition = {
  languages: ['en', 'zh-Hant', 'zh-Hans'],
  defaultLanguage: 'en',
  thankYou: { en: 'Thanks!', 'zh-Hant': '謝謝！' },
  questions: [
    { id: 'nps', type: 'nps', title: { en: 'How likely…?' }, required: true },
    { id: 'effort', type: 'ces', title: { en: 'How easy?' }, required: true, showIf: { questionId: 'nps', min: 0, max: 6 } },
    { id: 'why', type: 'open_text', title: { en: 'What went wrong?' }, required: false, showIf: { questionId: 'effort', min: 1, max: 3 } },
    {
      id: 'topics', type: 'multiple_choice', title: { en: 'Topics' }, required: false,
      options: [{ id: 'price', label: { en: 'Price' } }, { id: 'speed', label: { en: 'Speed' } }],
    },
  ],
};

export const PUBLIC_SURVEY: PublicSurvey = { publicId: 'pub1', name: 'Checkout', status: 'live', definition: NPS_SURVEY };
