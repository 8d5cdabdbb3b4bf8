import { isScored, localize, scaleOf } from '@touchpoint/shared/survey-logic';
import type { AnswerValue, Question } from '@touchpoint/shared';
import { h } from './dom';
import type { UiStrings } from './strings';

export interface ControlInput {
  question: Question;
  value: AnswerValue | undefined;
  lang: string;
  fallbackLang: string;
  t: UiStrings;
  /** id of the question title, naming the control group */
  labelledBy: string;
  /** ids of the description and error message */
  describedBy: string;
  idPrefix: string;
  onChange(value: AnswerValue | undefined): void;
}

/** The input part of one question: score buttons, radios, checkboxes or a text area. */
export function renderControl(input: ControlInput): HTMLElement {
  const { type } = input.question;
  if (isScored(type)) return scaleControl(input);
  if (type === 'single_choice' || type === 'multiple_choice') return choiceControl(input, type === 'multiple_choice');
  return textControl(input);
}

/** Words under the ends of the fixed scales; ratings have numbers only. */
export function scaleEndLabels(type: Question['type'], t: UiStrings): [string, string] | null {
  if (type === 'nps') return [t.npsLow, t.npsHigh];
  if (type === 'csat') return [t.csatLow, t.csatHigh];
  if (type === 'ces') return [t.cesLow, t.cesHigh];
  return null;
}

function scaleControl(input: ControlInput): HTMLElement {
  const { min, max } = scaleOf(input.question);
  const ends = scaleEndLabels(input.question.type, input.t);
  const buttons: HTMLButtonElement[] = [];
  for (let n = min; n <= max; n++) {
    // The end buttons carry their words too, for screen readers that skip the aria-hidden legend.
    const word = ends && (n === min ? ends[0] : n === max ? ends[1] : null);
    const button = h(
      'button',
      { type: 'button', class: 'tp-score', 'aria-pressed': String(input.value === n), 'aria-label': word ? `${n} ${word}` : null },
      String(n),
    );
    button.addEventListener('click', () => {
      for (const b of buttons) b.setAttribute('aria-pressed', String(b === button));
      input.onChange(n);
    });
    buttons.push(button);
  }
  const scale = h('div', { class: 'tp-scale', role: 'group', 'aria-labelledby': input.labelledBy, 'aria-describedby': input.describedBy }, ...buttons);
  scale.style.setProperty('--tp-n', String(buttons.length));
  // Arrow keys walk the scale like a toolbar; Tab still visits every button.
  scale.addEventListener('keydown', (e) => {
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    const at = buttons.indexOf(e.target as HTMLButtonElement);
    if (!step || at < 0) return;
    e.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, at + step))].focus();
  });
  const legend = ends && h('div', { class: 'tp-ends', 'aria-hidden': 'true' }, h('span', null, ends[0]), h('span', null, ends[1]));
  return h('div', { class: 'tp-control' }, scale, legend);
}

function choiceControl(input: ControlInput, multiple: boolean): HTMLElement {
  const chosen = Array.isArray(input.value) ? input.value : typeof input.value === 'string' ? [input.value] : [];
  const inputs: HTMLInputElement[] = [];
  const emit = () => {
    const ids = inputs.filter((i) => i.checked).map((i) => i.value);
    input.onChange(multiple ? ids : ids[0]);
  };
  const rows = (input.question.options ?? []).map((option) => {
    const box = h('input', {
      type: multiple ? 'checkbox' : 'radio',
      name: `${input.idPrefix}-${input.question.id}`,
      value: option.id,
      checked: chosen.includes(option.id),
      'aria-describedby': input.describedBy,
    });
    box.addEventListener('change', emit);
    inputs.push(box);
    return h('label', { class: 'tp-option' }, box, h('span', null, localize(option.label, input.lang, input.fallbackLang)));
  });
  return h('div', { class: 'tp-control tp-options', role: multiple ? 'group' : 'radiogroup', 'aria-labelledby': input.labelledBy }, ...rows);
}

function textControl(input: ControlInput): HTMLElement {
  const area = h(
    'textarea',
    { class: 'tp-text', rows: 4, maxlength: 10000, 'aria-labelledby': input.labelledBy, 'aria-describedby': input.describedBy },
    // A text child is the textarea's initial value, set as text, not markup.
    typeof input.value === 'string' ? input.value : '',
  );
  area.addEventListener('input', () => input.onChange(area.value));
  return h('div', { class: 'tp-control' }, area);
}
