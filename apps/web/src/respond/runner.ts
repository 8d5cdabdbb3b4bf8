import { localize } from '@touchpoint/shared/survey-logic';
import type { Answers, AnswerValue, LocalizedText, PublicSurvey } from '@touchpoint/shared';
import type { RespondContext } from './context';
import { clear, h } from './dom';
import { effectiveAnswers, firstErrorIndex, issuesByQuestion, screenAt, withAnswer } from './flow';
import { renderControl } from './question-views';
import { safeStorage } from './storage';
import { languageName, progressText, uiStrings, type UiStrings } from './strings';
import { forgetIdempotencyKey, idempotencyKeyFor, postResponse, responsesUrl, submissionBody } from './submit';

export interface MountOptions {
  survey: PublicSurvey;
  language?: string;
  context?: RespondContext;
  /** Renders with a "Preview" ribbon and never touches the network. */
  preview?: boolean;
  /** Origin of the API ('' = this page's origin). */
  apiBase?: string;
  /** Called once the thank-you screen shows. */
  onDone?: () => void;
  /** Inside a host page (widget): h2/h3 headings instead of h1/h2, card styling. */
  embedded?: boolean;
}

export interface MountedSurvey {
  destroy(): void;
}

/** Wait after the last answer change before a partial save, so a burst of clicks sends once. */
const PARTIAL_SAVE_DELAY_MS = 800;
let mountCount = 0;

/** Shows a survey one question per screen inside `el`, and sends the answers. */
export function mountSurvey(el: HTMLElement, opts: MountOptions): MountedSurvey {
  const { survey, preview = false, apiBase = '', onDone, embedded = false } = opts;
  const def = survey.definition;
  const context = opts.context ?? {};
  const idPrefix = `tp${++mountCount}`;
  const keys = safeStorage(() => window.sessionStorage);
  const url = responsesUrl(apiBase, survey.publicId);
  const titleTag = embedded ? 'h2' : 'h1';
  const questionTag = embedded ? 'h3' : 'h2';

  let lang = opts.language && def.languages.includes(opts.language) ? opts.language : def.defaultLanguage;
  let t: UiStrings = uiStrings(lang);
  let draft: Answers = {};
  let index = 0;
  let view: 'question' | 'thanks' | 'closed' = !preview && survey.status !== 'live' ? 'closed' : 'question';
  let errors: Record<string, string> = {};
  let formError: { text: string; retry: boolean } | null = null;
  let busy = false;
  let destroyed = false;
  let partialTimer: ReturnType<typeof setTimeout> | undefined;
  let partialStarted = false;
  let partialInFlight: Promise<unknown> = Promise.resolve();
  // Parts of the question screen that change without rebuilding it (rebuilding would lose focus).
  let refresh = () => {};

  const root = h('div', { class: embedded ? 'tp tp-embedded' : 'tp' });
  clear(el);
  el.append(root);

  const text = (value: LocalizedText | undefined) => localize(value, lang, def.defaultLanguage);
  const messageFor = (issue: string) =>
    issue === 'required' ? t.answerRequired : /^must |not shown|no such/.test(issue) ? t.answerInvalid : issue;

  function render(focusHeading: boolean): void {
    clear(root);
    root.setAttribute('lang', lang);
    if (preview) root.append(h('div', { class: 'tp-ribbon' }, t.preview));
    root.append(header());
    if (view === 'question') renderQuestion(focusHeading);
    else renderEnd(view === 'thanks' ? text(def.thankYou) || t.thanks : t.closed, focusHeading);
  }

  function header(): HTMLElement {
    const head = h('div', { class: 'tp-head' }, h(titleTag, { class: 'tp-title' }, survey.name));
    if (def.languages.length > 1) {
      const select = h('select', { id: `${idPrefix}-lang`, class: 'tp-lang' },
        ...def.languages.map((l) => h('option', { value: l, selected: l === lang }, languageName(l))));
      select.addEventListener('change', () => {
        lang = select.value;
        t = uiStrings(lang);
        render(false);
        (root.querySelector('.tp-lang') as HTMLElement | null)?.focus();
      });
      head.append(h('label', { class: 'tp-sr', for: select.id }, t.language), select);
    }
    return head;
  }

  function renderQuestion(focusHeading: boolean): void {
    const screen = screenAt(def, draft, index);
    index = screen.index;
    const q = screen.question;
    const ids = { title: `${idPrefix}-t-${q.id}`, desc: `${idPrefix}-d-${q.id}`, error: `${idPrefix}-e-${q.id}` };
    const title = h(questionTag, { class: 'tp-qtitle', id: ids.title, tabindex: -1 }, text(q.title));
    const required = q.required && h('span', { class: 'tp-required' }, t.required);
    const description = q.description && h('p', { class: 'tp-desc', id: ids.desc }, text(q.description));
    const error = h('p', { class: 'tp-error', id: ids.error, role: 'alert' });
    const control = renderControl({
      question: q, value: draft[q.id], lang, fallbackLang: def.defaultLanguage, t, idPrefix,
      labelledBy: ids.title,
      describedBy: description ? `${ids.desc} ${ids.error}` : ids.error,
      onChange: (value) => answer(q.id, value),
    });
    const progress = h('div', { class: 'tp-progress' });
    const primary = h('button', { type: 'submit', class: 'tp-btn tp-primary' });
    const back = !screen.isFirst && h('button', { type: 'button', class: 'tp-btn', onclick: () => go(index - 1) }, t.back);
    const formErrorBox = h('div', { class: 'tp-form-error', role: 'alert' });
    const form = h('form', { class: 'tp-form', novalidate: true },
      index === 0 && def.intro && h('p', { class: 'tp-intro' }, text(def.intro)),
      progress,
      h('div', { class: 'tp-q' }, h('div', { class: 'tp-qhead' }, title, required), description, control, error),
      formErrorBox,
      h('div', { class: 'tp-nav' }, back, primary));
    form.addEventListener('submit', (e) => { e.preventDefault(); next(); });
    root.append(form);

    refresh = () => {
      const now = screenAt(def, draft, index);
      const total = now.questions.length;
      progress.textContent = '';
      if (total > 1) {
        const bar = h('span', { class: 'tp-bar' });
        bar.style.width = `${((index + 1) / total) * 100}%`;
        progress.append(h('span', { class: 'tp-track', 'aria-hidden': 'true' }, bar), progressText(t, index + 1, total));
      }
      primary.textContent = busy ? t.sending : now.isLast ? t.submit : t.next;
      primary.setAttribute('aria-disabled', String(busy));
      form.setAttribute('aria-busy', String(busy));
      error.textContent = errors[q.id] ? messageFor(errors[q.id]) : '';
      control.classList.toggle('tp-invalid', !!errors[q.id]);
      formErrorBox.textContent = formError?.text ?? '';
      if (formError?.retry) formErrorBox.append(' ', h('button', { type: 'button', class: 'tp-link', onclick: submit }, t.retry));
    };
    refresh();
    if (focusHeading) title.focus();
  }

  function renderEnd(message: string, focusHeading: boolean): void {
    refresh = () => {};
    const heading = h(questionTag, { class: 'tp-end-text', tabindex: -1 }, message);
    root.append(h('div', { class: 'tp-end', role: 'status' }, view === 'thanks' && h('div', { class: 'tp-check', 'aria-hidden': 'true' }), heading));
    if (focusHeading) heading.focus();
  }

  function answer(id: string, value: AnswerValue | undefined): void {
    draft = withAnswer(draft, id, value);
    delete errors[id];
    formError = null;
    refresh();
    if (!partialStarted) schedulePartialSave();
  }

  function go(to: number): void {
    index = to;
    render(true);
  }

  function next(): void {
    if (busy) return;
    const screen = screenAt(def, draft, index);
    const issue = issuesByQuestion(def, effectiveAnswers(def, draft), true, [screen.question.id]);
    if (Object.keys(issue).length) {
      errors = { ...errors, ...issue };
      refresh();
      return;
    }
    if (screen.isLast) return void submit();
    schedulePartialSave();
    go(index + 1);
  }

  function schedulePartialSave(): void {
    if (preview || destroyed) return;
    clearTimeout(partialTimer);
    partialTimer = setTimeout(sendPartial, PARTIAL_SAVE_DELAY_MS);
  }

  /** Fire-and-forget: a lost partial save costs nothing, the final submit carries everything. */
  function sendPartial(): void {
    partialTimer = undefined;
    const answers = effectiveAnswers(def, draft);
    if (!Object.keys(answers).length || view !== 'question') return;
    partialStarted = true;
    const body = submissionBody(idempotencyKeyFor(keys, survey.publicId), answers, false, lang, context);
    partialInFlight = postResponse(url, body, { retries: 0, keepalive: true }).catch(() => undefined);
  }

  /** Sends a pending partial save now: the tab may be closing or the widget going away. */
  function flushPartial(): void {
    if (partialTimer !== undefined) {
      clearTimeout(partialTimer);
      sendPartial();
    }
  }

  async function submit(): Promise<void> {
    if (busy || destroyed) return;
    const answers = effectiveAnswers(def, draft);
    const issues = issuesByQuestion(def, answers, true);
    if (Object.keys(issues).length) return showErrors(issues, null);
    if (preview) return finish();
    busy = true;
    formError = null;
    refresh();
    clearTimeout(partialTimer);
    partialTimer = undefined;
    await partialInFlight; // so a late partial save can never land after the complete one
    const result = await postResponse(url, submissionBody(idempotencyKeyFor(keys, survey.publicId), answers, true, lang, context));
    busy = false;
    if (destroyed) return;
    if (result.kind === 'ok') return finish();
    if (result.kind === 'closed') {
      view = 'closed';
      return render(true);
    }
    if (result.kind === 'invalid') return showErrors(result.fieldErrors, result.message || t.failed);
    formError = { text: result.kind === 'network' ? t.network : result.kind === 'busy' ? t.busy : t.failed, retry: true };
    refresh();
  }

  /** Moves to the first question with an error; a general message shows when none is visible. */
  function showErrors(byQuestion: Record<string, string>, general: string | null): void {
    errors = byQuestion;
    const at = firstErrorIndex(screenAt(def, draft, index).questions, errors);
    formError = at < 0 && general ? { text: general, retry: false } : null;
    if (at >= 0 && at !== index) go(at);
    else refresh();
  }

  function finish(): void {
    if (!preview) forgetIdempotencyKey(keys, survey.publicId);
    view = 'thanks';
    render(true);
    onDone?.();
  }

  window.addEventListener('pagehide', flushPartial);
  render(false);

  return {
    destroy() {
      if (destroyed) return;
      flushPartial();
      destroyed = true;
      window.removeEventListener('pagehide', flushPartial);
      root.remove();
    },
  };
}
