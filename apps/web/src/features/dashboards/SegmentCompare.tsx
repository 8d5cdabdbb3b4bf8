import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { formatDelta, formatMetric, segmentMovement } from './metric-values';
import type { MetricName, Summary } from './types';

interface Segment { key: string; label: string; summary: Summary }

/**
 * Under a breakdown: is the gap between two segments real? Picks the two largest by default;
 * the answer is b − a with its 95 % interval and significance (the API's `a`/`b` give the same).
 */
export function SegmentCompare({ segments, metric }: { segments: Segment[]; metric: MetricName }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const [picked, setPicked] = useState<[string, string] | null>(null);
  if (segments.length < 2) return null;
  const keys = segments.map((s) => s.key);
  const [a, b] = picked && keys.includes(picked[0]) && keys.includes(picked[1]) ? picked : [keys[1], keys[0]];
  const segA = segments.find((s) => s.key === a)!, segB = segments.find((s) => s.key === b)!;
  const move = segmentMovement(segA.summary, segB.summary, metric);
  const fmt = (v: number | null | undefined) => formatMetric(lang, metric, v);
  const pick = (id: string, value: string, onChange: (v: string) => void, label: string) => (
    <select className="input select input-sm" aria-label={label} value={value} data-testid={id} onChange={(e) => onChange(e.target.value)}>
      {segments.map((s) => <option key={s.key} value={s.key}>{s.label}</option>)}
    </select>
  );
  const verdict = !move.tested ? t('dashboards.segments.untested')
    : move.delta === null ? t('dashboards.segments.tooFew')
    : t(move.significant ? 'dashboards.value.significant' : 'dashboards.value.notSignificant', { p: formatNumber(lang, move.pValue, 3) });
  return (
    <div className="segment-compare small" data-testid="segment-compare">
      <span className="segment-compare-pick">
        {pick('segment-b', b, (v) => setPicked([a, v]), t('dashboards.segments.segmentB'))}
        <span className="muted">{t('dashboards.segments.versus')}</span>
        {pick('segment-a', a, (v) => setPicked([v, b]), t('dashboards.segments.segmentA'))}
      </span>
      <span data-testid="segment-delta" className={move.significant ? 'sig-text' : undefined}>
        {move.delta === null ? '–' : formatDelta(lang, metric, move.delta)}
        {move.ci && <span className="muted"> ({t('kpi.ci', { low: formatDelta(lang, metric, move.ci.low), high: formatDelta(lang, metric, move.ci.high) })})</span>}
      </span>
      <span className="muted" data-testid="segment-verdict" title={`${segB.label} ${fmt(move.delta === null ? null : (move.previous ?? 0) + move.delta)} · ${segA.label} ${fmt(move.previous)}`}>{verdict}</span>
    </div>
  );
}
