import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { scaleOf, type Question, type ShowIf } from '@touchpoint/shared';
import { Button } from '../../../ui/Button';
import { InlineError } from '../../../ui/Field';
import { NPS_PRESETS } from './builder-state';

interface Props {
  value: ShowIf | undefined;
  /** Earlier scored questions, the only valid targets. */
  targets: Question[];
  titleOf: (q: Question) => string;
  onChange: (next: ShowIf | undefined) => void;
  errors: string[];
}

/** "Show only if <earlier scored question> is between min and max", with NPS band presets. */
export function FollowUpEditor({ value, targets, titleOf, onChange, errors }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const target = targets.find((q) => q.id === value?.questionId);
  const scale = target ? scaleOf(target) : null;

  function enable(on: boolean) {
    if (!on) return onChange(undefined);
    const q = targets[targets.length - 1];
    if (!q) return;
    const s = scaleOf(q);
    onChange(q.type === 'nps' ? { questionId: q.id, min: 0, max: 6 } : { questionId: q.id, min: s.min, max: s.max });
  }

  function pick(questionId: string) {
    const q = targets.find((x) => x.id === questionId);
    if (!q) return;
    const s = scaleOf(q);
    onChange({ questionId, min: s.min, max: s.max });
  }

  const clamp = (n: number) => (scale ? Math.min(scale.max, Math.max(scale.min, n)) : n);

  return (
    <div className="followup" data-testid="followup">
      <label className="check">
        <input type="checkbox" checked={!!value} disabled={!targets.length && !value} onChange={(e) => enable(e.target.checked)} data-testid="showif-toggle" />
        <span>{t('builder.followUp')}</span>
      </label>
      {!targets.length && !value && <p className="field-hint">{t('builder.followUpNeedsScored')}</p>}
      {value && (
        <div className="followup-body">
          <div className="followup-line">
            <label htmlFor={`${id}-q`} className="muted">{t('builder.showIfWhen')}</label>
            <select id={`${id}-q`} className="input select" value={value.questionId} onChange={(e) => pick(e.target.value)} data-testid="showif-question">
              {!target && <option value={value.questionId}>{value.questionId || t('builder.chooseQuestion')}</option>}
              {targets.map((q) => <option key={q.id} value={q.id}>{q.id} · {titleOf(q) || t(`questionTypes.${q.type}`)}</option>)}
            </select>
            <label htmlFor={`${id}-min`} className="muted">{t('builder.between')}</label>
            <input id={`${id}-min`} className="input input-num" type="number" min={scale?.min} max={scale?.max} value={value.min}
              onChange={(e) => onChange({ ...value, min: clamp(Number(e.target.value)) })} data-testid="showif-min" />
            <label htmlFor={`${id}-max`} className="muted">{t('builder.and')}</label>
            <input id={`${id}-max`} className="input input-num" type="number" min={scale?.min} max={scale?.max} value={value.max}
              onChange={(e) => onChange({ ...value, max: clamp(Number(e.target.value)) })} data-testid="showif-max" />
          </div>
          {target?.type === 'nps' && (
            <div className="presets" role="group" aria-label={t('builder.presets')}>
              {NPS_PRESETS.map((p) => (
                <Button key={p.id} size="sm" variant={value.min === p.min && value.max === p.max ? 'primary' : 'secondary'}
                  aria-pressed={value.min === p.min && value.max === p.max}
                  onClick={() => onChange({ ...value, min: p.min, max: p.max })} testId={`preset-${p.id}`}>
                  {t(`builder.preset.${p.id}`)} {p.min}–{p.max}
                </Button>
              ))}
            </div>
          )}
          {value.min > value.max && <p className="field-error">{t('builder.minAboveMax')}</p>}
        </div>
      )}
      <InlineError messages={errors} />
    </div>
  );
}
