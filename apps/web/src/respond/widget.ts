/**
 * The embeddable widget (built to dist/public/widget.js), used as one tag:
 *   <script src="https://HOST/public/widget.js" data-survey="PUBLIC_ID" data-trigger="delay:5" async></script>
 * It asks the API on HOST whether to prompt, then shows the survey in a floating card inside a
 * shadow root, so the host page's CSS cannot reach it. window.Touchpoint.show()/hide() drive it by hand.
 */
import { pickLanguage } from '@touchpoint/shared/survey-logic';
import type { PublicSurvey } from '@touchpoint/shared';
import { mergeContext, type RespondContext } from './context';
import { applyStyles, h } from './dom';
import { RESPOND_CSS, WIDGET_CSS } from './respond.css';
import { mountSurvey, type MountedSurvey } from './runner';
import { safeStorage } from './storage';
import { uiStrings } from './strings';
import {
  contextFromEventDetail, eligibilityUrl, markPrompted, readWidgetConfig, recentlyPrompted, surveyUrl, type WidgetConfig,
} from './widget-config';

export interface TouchpointApi {
  /** Shows the survey unless this browser or customer was prompted recently (force skips both checks). */
  show(options?: { force?: boolean; context?: RespondContext }): void;
  hide(): void;
}

declare global {
  interface Window {
    Touchpoint?: TouchpointApi;
  }
}

/** Seconds the thank-you message stays before the card goes away on its own. */
const CLOSE_AFTER_THANKS_MS = 5000;

// currentScript is only set while this script first runs, so capture it now (async tags included).
const script = (document.currentScript ?? document.querySelector('script[data-survey][src*="widget"]')) as HTMLScriptElement | null;
const config = script && readWidgetConfig(script.src, Array.from(script.attributes));
if (config) start(config);

function start(config: WidgetConfig): void {
  const marks = safeStorage(() => window.localStorage);
  let host: HTMLElement | null = null;
  let runner: MountedSurvey | null = null;
  let opening = false;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;

  async function show(options: { force?: boolean; context?: RespondContext } = {}): Promise<void> {
    if (host || opening) return;
    if (!options.force && recentlyPrompted(marks, config.surveyId, Date.now())) return;
    opening = true;
    try {
      const context = mergeContext(config.context, options.context ?? {});
      const customer = context.customerExternalId;
      if (!options.force && customer) {
        const verdict = await getJson<{ eligible?: boolean }>(eligibilityUrl(config.origin, config.surveyId, customer));
        if (!verdict?.eligible) return; // unknown counts as no: never over-prompt
      }
      const wanted = [config.lang, ...(navigator.languages ?? [navigator.language])].filter((l): l is string => !!l);
      const survey = await getJson<PublicSurvey>(surveyUrl(config.origin, config.surveyId, wanted[0]));
      if (!survey?.definition || survey.status !== 'live') return;
      open(survey, pickLanguage(survey.definition.languages, wanted, survey.definition.defaultLanguage), context);
    } finally {
      opening = false;
    }
  }

  function open(survey: PublicSurvey, language: string, context: RespondContext): void {
    host = h('div', { 'data-touchpoint-widget': '' });
    const shadow = host.attachShadow({ mode: 'open' });
    applyStyles(shadow, RESPOND_CSS + WIDGET_CSS);
    const body = h('div');
    const close = h('button', { type: 'button', class: 'tp-x', 'aria-label': uiStrings(language).close, onclick: dismiss }, '×');
    const card = h('div', { class: 'tp-card', role: 'dialog', 'aria-label': survey.name }, close, body);
    card.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') dismiss();
    });
    shadow.append(card);
    (document.body ?? document.documentElement).append(host);
    runner = mountSurvey(body, {
      survey, language, apiBase: config.origin, embedded: true,
      context: { ...context, channel: 'widget' },
      onDone: () => {
        markPrompted(marks, config.surveyId, Date.now());
        closeTimer = setTimeout(hide, CLOSE_AFTER_THANKS_MS);
      },
    });
  }

  /** Closing counts as an answer for the quiet period: a "no" should not be asked again tomorrow. */
  function dismiss(): void {
    markPrompted(marks, config.surveyId, Date.now());
    hide();
  }

  function hide(): void {
    clearTimeout(closeTimer);
    runner?.destroy();
    host?.remove();
    runner = host = null;
  }

  window.Touchpoint = { show: (options) => void show(options), hide };

  const { trigger } = config;
  const showNow = () => void show();
  if (trigger.kind === 'load') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', showNow, { once: true });
    else showNow();
  } else if (trigger.kind === 'delay') {
    setTimeout(showNow, trigger.seconds * 1000);
  } else if (trigger.kind === 'event') {
    window.addEventListener(trigger.name, (e) => void show({ context: contextFromEventDetail((e as CustomEvent).detail) }));
  }
}

/** JSON or null: the widget must never throw into the host page or log noise there. */
async function getJson<T>(url: string): Promise<T | null> {
  try {
    const res = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'omit' });
    return res.ok ? ((await res.json()) as T) : null;
  } catch {
    return null;
  }
}
