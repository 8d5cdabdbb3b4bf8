import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseEvent, CaseSettings } from '@touchpoint/shared';
import { api } from '../../lib/api';
import { useAuth } from '../../app/auth-context';
import { useWorkspace } from '../../app/workspace-context';
import { Button } from '../../ui/Button';
import { Tabs } from '../../ui/Tabs';
import { useToast } from '../../ui/Toast';
import { caseErrorText } from './close-form';
import { ReplyQualityPanel } from './ReplyQualityPanel';
import { hasPlaceholders, renderTemplate, replyLanguage, templateBody } from './templates';
import { casesApi } from './use-cases';

export type ComposerTab = 'reply' | 'note';

interface Props {
  wid: string;
  c: CaseDetail;
  settings: CaseSettings | undefined;
  tab: ComposerTab;
  onTab: (tab: ComposerTab) => void;
  /** Bumped to move the focus into the composer (shortcuts r / n). */
  focusTick: number;
  /** After a reply or note is stored: the case is read again. */
  onSent: () => void;
}

/**
 * Reply to the customer (by email, optionally from a template in their language) or leave an
 * internal note. The drafts live here, not in the case, so a live refresh of the case keeps them.
 */
export function CaseComposer({ wid, c, settings, tab, onTab, focusTick, onSent }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const { me } = useAuth();
  const { workspace } = useWorkspace();
  const [reply, setReply] = useState('');
  const [subject, setSubject] = useState('');
  const [note, setNote] = useState('');
  const [waitForCustomer, setWaitForCustomer] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => { if (focusTick) area.current?.focus(); }, [focusTick]);

  const values = { customerName: c.customer.name, caseNumber: c.number, agentName: me?.user.name ?? null, workspaceName: workspace.name };
  const language = replyLanguage(c.language) ?? 'en';
  const templates = settings?.templates ?? [];

  function applyTemplate(id: string) {
    const tpl = templates.find((x) => x.id === id);
    const body = tpl && templateBody(tpl, c.language);
    if (!body) return;
    if (reply.trim() && !window.confirm(t('cases.composer.replaceDraft'))) return;
    const filled = renderTemplate(body, values);
    setReply(filled.body);
    if (filled.subject) setSubject(filled.subject);
    area.current?.focus();
  }

  async function send(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const isReply = tab === 'reply';
    // Variables the agent typed by hand are filled too: the server sends the body as posted.
    const out = renderTemplate({ subject, body: reply }, values);
    const body = isReply ? out.body : note.trim();
    if (!body) { setError(t('cases.composer.empty')); return; }
    setBusy(true);
    try {
      if (isReply) {
        const ev = await api<CaseEvent>(casesApi(wid, c.id, 'replies'), { method: 'POST', body: { body, waitForCustomer, ...(out.subject ? { subject: out.subject } : {}) } });
        if (ev.data.status === 'failed') {
          // The attempt is on the timeline; the draft stays so it can be sent again.
          setError(t('cases.composer.sendFailed', { error: typeof ev.data.error === 'string' ? ev.data.error : t('cases.event.unknownError') }));
        } else {
          setReply(''); setSubject('');
          toast.success(t('cases.composer.sent'));
        }
      } else {
        await api<CaseEvent>(casesApi(wid, c.id, 'notes'), { method: 'POST', body: { body } });
        setNote('');
        toast.success(t('cases.composer.noted'));
      }
      onSent();
    } catch (err) {
      setError(caseErrorText(t, err));
    } finally { setBusy(false); }
  }

  const text = tab === 'reply' ? reply : note;
  const preview = tab === 'reply' && hasPlaceholders(reply) ? renderTemplate({ subject: '', body: reply }, values).body : null;

  return (
    <section className="card case-composer" aria-label={t('cases.composer.title')} data-testid="case-composer">
      <Tabs label={t('cases.composer.title')} idPrefix="composer-tab" value={tab} onChange={(id) => { onTab(id as ComposerTab); setError(null); }}
        items={[
          { id: 'reply', label: <>{t('cases.composer.reply')} <kbd>r</kbd></>, testId: 'composer-tab-reply' },
          { id: 'note', label: <>{t('cases.composer.note')} <kbd>n</kbd></>, testId: 'composer-tab-note' },
        ]} />
      <form role="tabpanel" aria-labelledby={`composer-tab-${tab}`} className="stack-sm" onSubmit={(e) => void send(e)}>
        {tab === 'reply' && (
          <div className="case-composer-meta">
            <span className="muted small" data-testid="composer-to">
              {c.customer.email ? t('cases.composer.to', { email: c.customer.email }) : t('cases.errors.noCustomerEmail')}
            </span>
            {templates.length > 0 && (
              <select className="input select input-sm" value="" aria-label={t('cases.composer.template')} onChange={(e) => applyTemplate(e.target.value)} data-testid="composer-template">
                <option value="">{t('cases.composer.template')}</option>
                {templates.map((tpl) => <option key={tpl.id} value={tpl.id}>{tpl.name}</option>)}
              </select>
            )}
          </div>
        )}
        {tab === 'reply' && (
          <input className="input" value={subject} maxLength={200} placeholder={t('cases.composer.subject')}
            aria-label={t('cases.composer.subjectLabel')} onChange={(e) => setSubject(e.target.value)} data-testid="composer-subject" />
        )}
        <textarea ref={area} className="input case-composer-text" rows={6} value={text} lang={tab === 'reply' ? language : undefined}
          placeholder={tab === 'reply' ? t('cases.composer.replyPlaceholder') : t('cases.composer.notePlaceholder')}
          aria-label={tab === 'reply' ? t('cases.composer.reply') : t('cases.composer.note')}
          onChange={(e) => (tab === 'reply' ? setReply(e.target.value) : setNote(e.target.value))} data-testid="composer-text" />
        {preview && (
          <div className="case-preview" data-testid="composer-preview">
            <span className="muted small">{t('cases.composer.preview')}</span>
            <p lang={language}>{preview}</p>
          </div>
        )}
        {tab === 'reply' && <ReplyQualityPanel text={reply} language={c.language} customerName={c.customer.name} />}
        {error && <p className="form-error" role="alert" data-testid="composer-error">{error}</p>}
        <div className="row-between">
          {tab === 'reply' ? (
            <label className="check small">
              <input type="checkbox" checked={waitForCustomer} onChange={(e) => setWaitForCustomer(e.target.checked)} data-testid="composer-wait" />
              <span>{t('cases.composer.waitForCustomer')}</span>
            </label>
          ) : <span className="muted small">{t('cases.composer.noteHint')}</span>}
          <Button type="submit" variant="primary" busy={busy} disabled={!text.trim()} testId="composer-send">
            {tab === 'reply' ? t('cases.composer.send') : t('cases.composer.addNote')}
          </Button>
        </div>
      </form>
    </section>
  );
}
