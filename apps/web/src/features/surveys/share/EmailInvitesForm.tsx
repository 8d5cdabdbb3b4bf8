import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ws } from '../../../lib/api';
import type { InviteResult } from '../../../lib/types';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { useToast } from '../../../ui/Toast';
import { parseRecipients } from './recipients';

/** Email invitations with personal single-use links; the server skips people contacted recently. */
export function EmailInvitesForm({ wid, surveyId, live }: { wid: string; surveyId: string; live: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<InviteResult | null>(null);
  const parsed = parseRecipients(text);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!parsed.recipients.length) return;
    setBusy(true);
    try {
      const r = await api<InviteResult>(ws(wid, 'surveys', surveyId, 'invitations'), { method: 'POST', body: { recipients: parsed.recipients } });
      setResult(r);
      if (r.sent > 0) toast.success(t('share.invitesSent', { count: r.sent }));
      else if (r.throttled.length) toast.info(t('share.throttled', { count: r.throttled.length }));
      else if (r.noConsent.length) toast.info(t('share.noConsent', { count: r.noConsent.length }));
      if (!r.failed.length) setText('');
    } catch (err) { toast.error(err); } finally { setBusy(false); }
  }

  return (
    <section className="card stack" data-testid="email-invites">
      <h2 className="card-title">{t('share.emailTitle')}</h2>
      {!live && <p className="notice notice-warning">{t('share.notLiveInvites')}</p>}
      <form onSubmit={submit} className="stack">
        <Field label={t('share.recipients')} hint={t('share.recipientsHint')}
          error={parsed.invalid.length ? t('share.invalidLines', { lines: parsed.invalid.map((x) => x.line).join(', ') }) : null}>
          {(p) => <textarea {...p} className="input input-mono" rows={6} value={text} onChange={(e) => setText(e.target.value)}
            placeholder={'ana@example.com\nchen@example.com, 陳小明, zh-Hant'} data-testid="invite-recipients" />}
        </Field>
        <div className="row-between">
          <span className="muted small">{t('share.recipientCount', { count: parsed.recipients.length })}</span>
          <Button type="submit" variant="primary" busy={busy} disabled={!live || !parsed.recipients.length || parsed.recipients.length > 1000} testId="send-invites">
            {t('share.sendInvites')}
          </Button>
        </div>
      </form>
      {result && (
        <div className="invite-result" data-testid="invite-result" aria-live="polite">
          <p><strong data-testid="invites-sent">{result.sent}</strong> {t('share.sentLabel')}</p>
          {result.throttled.length > 0 && (
            <details>
              <summary>{t('share.throttled', { count: result.throttled.length })}</summary>
              <p className="muted small">{t('share.throttledHint')}</p>
              <ul className="plain-list">{result.throttled.map((e) => <li key={e}>{e}</li>)}</ul>
            </details>
          )}
          {result.noConsent.length > 0 && (
            <details data-testid="invites-no-consent">
              <summary>{t('share.noConsent', { count: result.noConsent.length })}</summary>
              <p className="muted small">{t('share.noConsentHint')}</p>
              <ul className="plain-list">{result.noConsent.map((e) => <li key={e}>{e}</li>)}</ul>
            </details>
          )}
          {result.failed.length > 0 && (
            <details open>
              <summary className="text-danger">{t('share.failed', { count: result.failed.length })}</summary>
              <ul className="plain-list">{result.failed.map((f) => <li key={f.email}>{f.email}: {f.error}</li>)}</ul>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
