import { pickLanguage } from '@touchpoint/shared/survey-logic';

/** The runner's own words (survey text comes from the survey). Chosen by the survey language. */
const en = {
  next: 'Next',
  back: 'Back',
  submit: 'Submit',
  sending: 'Sending…',
  required: 'Required',
  answerRequired: 'Please answer this question.',
  answerInvalid: 'Please check this answer.',
  npsLow: 'Not at all likely',
  npsHigh: 'Extremely likely',
  csatLow: 'Very dissatisfied',
  csatHigh: 'Very satisfied',
  cesLow: 'Very difficult',
  cesHigh: 'Very easy',
  thanks: 'Thank you!',
  closed: 'This survey is closed.',
  network: 'Your answers could not be sent. Please check your connection.',
  busy: 'The server is busy. Please try again in a moment.',
  failed: 'Something went wrong. Please try again.',
  retry: 'Try again',
  language: 'Language',
  preview: 'Preview',
  close: 'Close',
  progress: '{n} of {total}',
};
export type UiStrings = typeof en;

const zhHant: UiStrings = {
  next: '下一步',
  back: '上一步',
  submit: '送出',
  sending: '正在送出…',
  required: '必填',
  answerRequired: '請回答此問題。',
  answerInvalid: '請檢查此答案。',
  npsLow: '完全不可能',
  npsHigh: '極有可能',
  csatLow: '非常不滿意',
  csatHigh: '非常滿意',
  cesLow: '非常困難',
  cesHigh: '非常容易',
  thanks: '謝謝您！',
  closed: '此問卷已結束。',
  network: '無法送出您的答案，請檢查網路連線。',
  busy: '伺服器忙碌中，請稍後再試。',
  failed: '發生錯誤，請再試一次。',
  retry: '重試',
  language: '語言',
  preview: '預覽',
  close: '關閉',
  progress: '第 {n} 題，共 {total} 題',
};

const zhHans: UiStrings = {
  next: '下一步',
  back: '上一步',
  submit: '提交',
  sending: '正在提交…',
  required: '必填',
  answerRequired: '请回答此问题。',
  answerInvalid: '请检查此答案。',
  npsLow: '完全不可能',
  npsHigh: '极有可能',
  csatLow: '非常不满意',
  csatHigh: '非常满意',
  cesLow: '非常困难',
  cesHigh: '非常容易',
  thanks: '谢谢您！',
  closed: '此问卷已结束。',
  network: '无法提交您的答案，请检查网络连接。',
  busy: '服务器繁忙，请稍后再试。',
  failed: '出错了，请重试。',
  retry: '重试',
  language: '语言',
  preview: '预览',
  close: '关闭',
  progress: '第 {n} 题，共 {total} 题',
};

const DICTIONARIES: Record<string, UiStrings> = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

/** UI strings for a survey language; other languages (ja, fr …) get English. */
export function uiStrings(lang: string): UiStrings {
  return DICTIONARIES[pickLanguage(Object.keys(DICTIONARIES), [lang], 'en')];
}

export function progressText(t: UiStrings, n: number, total: number): string {
  return t.progress.replace('{n}', String(n)).replace('{total}', String(total));
}

/** Each language named in itself, so a respondent finds theirs whatever is on screen now. */
const OWN_NAMES: Record<string, string> = { en: 'English', 'zh-Hant': '繁體中文', 'zh-Hans': '简体中文' };

export function languageName(tag: string): string {
  if (OWN_NAMES[tag]) return OWN_NAMES[tag];
  try {
    return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
