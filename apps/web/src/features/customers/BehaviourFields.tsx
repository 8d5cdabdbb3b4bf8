import { useTranslation } from 'react-i18next';
import { CONSENT_PURPOSES, EVENT_COUNT_OPS, METRIC_BANDS, PROFILE_FIELDS, type ConsentPurpose } from '@touchpoint/shared';
import { RowInput, RowSelect, type RowProps } from './segment-inputs';
import {
  PROFILE_OPS, type ConditionDraft, type ConsentDraft, type ConsentState, type EventDraft, type EventOp, type EventType,
  type Metric, type MetricDraft, type ProfileDraft, type ProfileField, type ProfileOp,
} from './segment-draft';

const EVENT_TYPES: EventType[] = ['order', 'track', 'page', 'any'];
const METRICS: Metric[] = ['nps', 'csat', 'ces'];
const CONSENT_STATES: ConsentState[] = ['granted', 'refused', 'unknown'];

/** The fields of behavioural conditions: events, profile numbers, survey scores and consents. */
export function BehaviourFields(props: RowProps) {
  const { node } = props;
  if (node.kind === 'event') return <EventFields {...(props as RowProps<EventDraft>)} />;
  if (node.kind === 'profile') return <ProfileFields {...(props as RowProps<ProfileDraft>)} />;
  if (node.kind === 'metric') return <MetricFields {...(props as RowProps<MetricDraft>)} />;
  if (node.kind === 'consent') return <ConsentFields {...(props as RowProps<ConsentDraft>)} />;
  return null;
}

function useRow<D extends ConditionDraft>({ node, path, errors, onChange }: RowProps<D>) {
  return { set: (patch: Partial<D>) => onChange({ ...node, ...patch }), bad: (f: string) => !!errors[`${path}.${f}`] };
}

/** "did [an order] [at least] [2] times [in the last] [30] days": an empty window is "ever". */
function EventFields(props: RowProps<EventDraft>) {
  const { t } = useTranslation();
  const { node, readOnly } = props;
  const { set, bad } = useRow(props);
  const named = node.type === 'track' || node.type === 'page';
  const ever = node.days.trim() === '';
  return (
    <>
      <span className="muted">{t('segments.builder.did')}</span>
      <RowSelect<EventType> label={t('segments.field.eventType')} value={node.type} disabled={readOnly} testId="segment-event-type"
        options={EVENT_TYPES.map((v) => ({ value: v, label: t(`segments.eventType.${v}`) }))} onChange={(type) => set({ type })} />
      {named && <RowInput label={t('segments.field.name')} value={node.name} onChange={(name) => set({ name })} invalid={bad('name')} disabled={readOnly} testId="segment-event-name"
        placeholder={node.type === 'page' ? t('segments.builder.pageName') : t('segments.builder.eventName')} />}
      <RowSelect<EventOp> label={t('segments.field.countOp')} value={node.op} disabled={readOnly} testId="segment-event-op"
        options={EVENT_COUNT_OPS.map((v) => ({ value: v, label: t(`segments.countOp.${v}`) }))} onChange={(op) => set({ op })} />
      <span className="segment-unit">
        <RowInput kind="number" label={t('segments.field.count')} value={node.count} onChange={(count) => set({ count })} invalid={bad('count')} disabled={readOnly} testId="segment-event-count" />
        <span className="muted">{t('segments.builder.times')}</span>
      </span>
      <RowSelect<'window' | 'ever'> label={t('segments.field.window')} value={ever ? 'ever' : 'window'} disabled={readOnly} testId="segment-event-window"
        options={[{ value: 'window', label: t('segments.builder.inLast') }, { value: 'ever', label: t('segments.builder.ever') }]}
        onChange={(w) => set({ days: w === 'ever' ? '' : '30' })} />
      {!ever && (
        <span className="segment-unit">
          <RowInput kind="number" label={t('segments.field.days')} value={node.days} onChange={(days) => set({ days })} invalid={bad('days')} disabled={readOnly} testId="segment-event-days" />
          <span className="muted">{t('segments.builder.days')}</span>
        </span>
      )}
    </>
  );
}

function ProfileFields(props: RowProps<ProfileDraft>) {
  const { t } = useTranslation();
  const { node, readOnly } = props;
  const { set, bad } = useRow(props);
  return (
    <>
      <RowSelect<ProfileField> label={t('segments.field.field')} value={node.field} disabled={readOnly} testId="segment-profile-field"
        options={PROFILE_FIELDS.map((v) => ({ value: v, label: t(`segments.profileField.${v}`) }))} onChange={(field) => set({ field })} />
      <RowSelect<ProfileOp> label={t('segments.field.op')} value={node.op} disabled={readOnly} testId="segment-profile-op"
        options={PROFILE_OPS.map((v) => ({ value: v, label: t(`segments.op.${v}`) }))} onChange={(op) => set({ op })} />
      <RowInput kind="number" label={node.op === 'between' ? t('segments.field.low') : t('segments.field.value')} value={node.text} onChange={(text) => set({ text })} invalid={bad('value')} disabled={readOnly} testId="segment-profile-value" />
      {node.op === 'between' && (
        <>
          <span className="muted">{t('segments.builder.and')}</span>
          <RowInput kind="number" label={t('segments.field.high')} value={node.text2} onChange={(text2) => set({ text2 })} invalid={bad('value')} disabled={readOnly} testId="segment-profile-value2" />
        </>
      )}
      {node.field === 'revenue' && (
        <RowInput label={t('segments.field.currency')} value={node.currency} onChange={(c) => set({ currency: c.toUpperCase().slice(0, 3) })} invalid={bad('currency')} disabled={readOnly}
          placeholder={t('segments.builder.anyCurrency')} testId="segment-profile-currency" />
      )}
      {node.field === 'churn_risk' && <span className="muted small">{t('segments.builder.churnHint')}</span>}
    </>
  );
}

/** The latest answer of a metric in a band, or in a min–max range; an empty window is "any time". */
function MetricFields(props: RowProps<MetricDraft>) {
  const { t } = useTranslation();
  const { node, readOnly } = props;
  const { set, bad } = useRow(props);
  const bands = METRIC_BANDS[node.metric] as readonly string[];
  return (
    <>
      <span className="muted">{t('segments.builder.latest')}</span>
      <RowSelect<Metric> label={t('segments.field.metric')} value={node.metric} disabled={readOnly} testId="segment-metric"
        options={METRICS.map((v) => ({ value: v, label: v.toUpperCase() }))}
        // Bands differ per metric: the first band of the new one rather than a band it has not got.
        onChange={(metric) => set({ metric, band: node.band ? METRIC_BANDS[metric][0] : '' })} />
      <RowSelect<string> label={t('segments.field.band')} value={node.band} disabled={readOnly} invalid={bad('band')} testId="segment-metric-band"
        options={[...bands.map((b) => ({ value: b, label: t(`segments.band.${b}`) })), { value: '', label: t('segments.builder.scoreRange') }]} onChange={(band) => set({ band })} />
      {!node.band && (
        <>
          <RowInput kind="number" label={t('segments.field.min')} placeholder={t('segments.field.min')} value={node.min} onChange={(min) => set({ min })} invalid={bad('min')} disabled={readOnly} testId="segment-metric-min" />
          <span className="muted">–</span>
          <RowInput kind="number" label={t('segments.field.max')} placeholder={t('segments.field.max')} value={node.max} onChange={(max) => set({ max })} invalid={bad('max')} disabled={readOnly} testId="segment-metric-max" />
        </>
      )}
      <span className="segment-unit">
        <span className="muted">{t('segments.builder.within')}</span>
        <RowInput kind="number" label={t('segments.field.days')} placeholder={t('segments.builder.anyTime')} value={node.days} onChange={(days) => set({ days })} invalid={bad('days')} disabled={readOnly} testId="segment-metric-days" />
        <span className="muted">{t('segments.builder.days')}</span>
      </span>
    </>
  );
}

function ConsentFields(props: RowProps<ConsentDraft>) {
  const { t } = useTranslation();
  const { node, readOnly } = props;
  const { set } = useRow(props);
  return (
    <>
      <span className="muted">{t('segments.builder.consentTo')}</span>
      <RowSelect<ConsentPurpose> label={t('segments.field.purpose')} value={node.purpose} disabled={readOnly} testId="segment-consent-purpose"
        options={CONSENT_PURPOSES.map((v) => ({ value: v, label: t(`customers.consentPurpose.${v}`) }))} onChange={(purpose) => set({ purpose })} />
      <RowSelect<ConsentState> label={t('segments.field.state')} value={node.state} disabled={readOnly} testId="segment-consent-state"
        options={CONSENT_STATES.map((v) => ({ value: v, label: t(`segments.consentState.${v}`) }))} onChange={(state) => set({ state })} />
    </>
  );
}
