import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ALERT_KINDS, ALERT_METRICS, CHANNELS, type AlertRule, type Survey } from '@touchpoint/shared';
import { api, ws } from '../../lib/api';
import { errorsUnder, fieldErrors } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { useToast } from '../../ui/Toast';
import { wholeDays } from './alert-text';
import { checkForm, emptyForm, formFromRule, newWebhookSecret, type RuleForm } from './rule-form';

interface Props { wid: string; rule: AlertRule | null; surveys: Survey[]; onClose: () => void; onSaved: () => void }

/** Create or edit a rule. Checked with the server's own schema before sending. */
export function RuleFormModal({ wid, rule, surveys, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const [f, setF] = useState<RuleForm>(() => (rule ? formFromRule(rule) : emptyForm()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof RuleForm>(k: K, v: RuleForm[K]) => setF((prev) => ({ ...prev, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const checked = checkForm(f);
    setErrors(checked.errors);
    if (!checked.body) return;
    setBusy(true);
    try {
      if (rule) await api(ws(wid, 'alerts', 'rules', rule.id), { method: 'PATCH', body: checked.body });
      else await api(ws(wid, 'alerts', 'rules'), { method: 'POST', body: checked.body });
      toast.success(rule ? t('alerts.form.saved') : t('alerts.form.created'));
      onSaved();
      onClose();
    } catch (err) {
      setErrors(fieldErrors(err));
      toast.error(err);
    } finally { setBusy(false); }
  }

  const text = (key: keyof RuleForm, label: ReactNode, opts: { hint?: ReactNode; type?: string; error?: string | string[]; testId?: string; className?: string; placeholder?: string } = {}) => (
    <Field label={label} hint={opts.hint} error={opts.error ?? errors[key]} className={opts.className}>
      {(p) => <input {...p} className={`input${opts.type === 'number' ? ' input-num' : ''}`} type={opts.type ?? 'text'} value={String(f[key])} placeholder={opts.placeholder}
        onChange={(e) => set(key, e.target.value as never)} data-testid={opts.testId ?? `rule-${key}`} />}
    </Field>
  );
  const select = (key: keyof RuleForm, label: ReactNode, options: [string, string][], error?: string) => (
    <Field label={label} error={error ?? errors[key]}>
      {(p) => (
        <select {...p} className="input select" value={String(f[key])} onChange={(e) => set(key, e.target.value as never)} data-testid={`rule-${key}`}>
          {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
      )}
    </Field>
  );

  return (
    <Modal open onClose={onClose} title={rule ? t('alerts.form.editTitle') : t('alerts.form.createTitle')} testId="rule-modal">
      <form className="stack" onSubmit={submit} noValidate>
        {text('name', t('alerts.form.name'), { hint: t('alerts.form.nameHint') })}
        <div className="form-row">
          {select('metric', t('alerts.form.metric'), ALERT_METRICS.map((m) => [m, t(`alerts.metric.${m}`)]))}
          {select('kind', t('alerts.form.kind'), ALERT_KINDS.map((k) => [k, t(`alerts.kind.${k}`)]))}
        </div>
        {f.kind === 'threshold' ? (
          <div className="form-row">
            {select('operator', t('alerts.form.operator'), [['below', t('alerts.op.below')], ['above', t('alerts.op.above')]], errors['config.operator'])}
            {text('value', t('alerts.form.value'), { type: 'number', error: errors['config.value'] })}
            {text('windowDays', t('alerts.form.windowDays'), { type: 'number', error: errors['config.windowDays'], hint: wholeDays(f.metric, f.operator) ? t('alerts.form.windowHintWholeDays') : t('alerts.form.windowHint') })}
          </div>
        ) : (
          <div className="stack-sm">
            <div className="form-row">
              {select('interval', t('alerts.form.interval'), [['day', t('alerts.form.intervalDay')], ['week', t('alerts.form.intervalWeek')]], errors['config.interval'])}
              {text('periods', t('alerts.form.periods'), { type: 'number', error: errors['config.periods'] })}
              {text('sigmas', t('alerts.form.sigmas'), { type: 'number', error: errors['config.sigmas'] })}
            </div>
            <p className="muted small">{t('alerts.form.anomalyHint')}</p>
          </div>
        )}
        <fieldset className="stack-sm">
          <legend className="field-label">{t('alerts.form.segment')}</legend>
          <div className="form-row">
            {select('surveyId', t('alerts.form.survey'), [['', t('alerts.form.anySurvey')], ...surveys.map((s): [string, string] => [s.id, s.name])], errors['filters.surveyId'])}
            {select('channel', t('alerts.form.channel'), [['', t('alerts.form.anyChannel')], ...CHANNELS.map((c): [string, string] => [c, t(`channels.${c}`)])], errors['filters.channel'])}
            {text('metaKey', t('alerts.form.metaKey'), { error: errors['filters.meta.key'], placeholder: 'plan' })}
            {text('metaValue', t('alerts.form.metaValue'), { error: errors['filters.meta.value'], placeholder: 'pro' })}
          </div>
        </fieldset>
        <div className="form-row">
          {f.metric !== 'responses' && text('minResponses', t('alerts.form.minResponses'), { type: 'number', hint: t('alerts.form.minResponsesHint') })}
          {text('cooldownMinutes', t('alerts.form.cooldown'), { type: 'number', hint: t('alerts.form.cooldownHint') })}
        </div>
        <Field label={t('alerts.form.emails')} hint={t('alerts.form.emailsHint')} error={errorsUnder(errors, 'emailTo')}>
          {(p) => <textarea {...p} className="input" rows={2} value={f.emails} onChange={(e) => set('emails', e.target.value)} data-testid="rule-emails" />}
        </Field>
        {text('webhookUrl', t('alerts.form.webhookUrl'), { type: 'url', hint: t('alerts.form.webhookUrlHint'), placeholder: 'https://' })}
        {f.webhookUrl.trim() && (
          <Field label={t('alerts.form.webhookSecret')} hint={rule?.webhookSecretSet ? t('alerts.form.secretKeep') : t('alerts.form.secretHint')} error={errors.webhookSecret}>
            {(p) => (
              <div className="copy-row">
                <input {...p} className="input input-mono" value={f.webhookSecret} onChange={(e) => set('webhookSecret', e.target.value)} autoComplete="off" data-testid="rule-webhookSecret" />
                <Button onClick={() => set('webhookSecret', newWebhookSecret())} testId="generate-secret">{t('alerts.form.generate')}</Button>
              </div>
            )}
          </Field>
        )}
        <label className="check">
          <input type="checkbox" checked={f.enabled} onChange={(e) => set('enabled', e.target.checked)} data-testid="rule-enabled" />
          <span>{t('alerts.form.enabled')}</span>
        </label>
        <div className="row-end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" busy={busy} testId="save-rule">{t('common.save')}</Button>
        </div>
      </form>
    </Modal>
  );
}
