/** Pasted reviews of a competitor: paste and analyse, the per-theme summary, and the reviews by paste. */
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompetitorReview, CompetitorReviewsPasteResult, CompetitorThemes } from '@touchpoint/shared';
import { api, withQuery } from '../../lib/api';
import { fieldErrors } from '../../lib/errors';
import { formatDateTime, formatNumber, formatPercent, formatSigned } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { useApi } from '../../lib/use-api';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Chart } from '../../ui/Chart';
import { EmptyState } from '../../ui/EmptyState';
import { Field } from '../../ui/Field';
import { Icon } from '../../ui/icons';
import { Loading } from '../../ui/Spinner';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { competitorsApi, labelTone } from './competitors-data';
import { themesOption } from './compare-chart';
import { SentimentBadge } from './SentimentBadge';

interface Props { wid: string; competitorId: string; readOnly: boolean; onChanged: () => void }

export function ReviewsTab({ wid, competitorId, readOnly, onChanged }: Props) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const themes = useApi<CompetitorThemes>(competitorsApi(wid, competitorId, 'themes'));
  const reviews = useApi<{ items: CompetitorReview[]; total: number }>(withQuery(competitorsApi(wid, competitorId, 'reviews'), { limit: 500 }));
  const [text, setText] = useState('');
  const [format, setFormat] = useState<'lines' | 'paragraphs'>('lines');
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const option = useMemo(() => (themes.data ? themesOption(themes.data.themes, (n) => formatSigned(lang, n, 1)) : null), [themes.data, lang]);

  const reload = async () => { await Promise.all([themes.reload(), reviews.reload()]); onChanged(); };

  async function analyse(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const r = await api<CompetitorReviewsPasteResult>(competitorsApi(wid, competitorId, 'reviews'), { method: 'POST', body: { text, format, source } });
      toast.success(t('competitors.reviews.analysed', { count: r.count }));
      setText('');
      setErrors({});
      await reload();
    } catch (err) {
      setErrors(fieldErrors(err));
      toast.error(err);
    } finally {
      setBusy(false);
    }
  }

  async function remove(query: Record<string, string>, confirmText: string) {
    if (!window.confirm(confirmText)) return;
    try {
      await api(withQuery(competitorsApi(wid, competitorId, 'reviews'), query), { method: 'DELETE' });
      await reload();
    } catch (err) { toast.error(err); }
  }

  // Reviews come newest paste first: consecutive rows of one batch form a group.
  const batches = useMemo(() => {
    const out: { batchId: string; createdAt: string; source: string; items: CompetitorReview[] }[] = [];
    for (const r of reviews.data?.items ?? []) {
      const last = out[out.length - 1];
      if (last?.batchId === r.batchId) last.items.push(r);
      else out.push({ batchId: r.batchId, createdAt: r.createdAt, source: r.source, items: [r] });
    }
    return out;
  }, [reviews.data]);

  return (
    <div className="stack-lg">
      {!readOnly && (
        <form className="card stack" onSubmit={analyse} data-testid="paste-reviews-form">
          <h2 className="card-title">{t('competitors.reviews.pasteTitle')}</h2>
          <Field label={t('competitors.reviews.text')} hint={t('competitors.reviews.textHint')} error={errors.text ?? errors.reviews}>
            {(p) => <textarea {...p} className="input" rows={6} value={text} onChange={(e) => setText(e.target.value)} data-testid="reviews-text" />}
          </Field>
          <div className="form-row">
            <Field label={t('competitors.reviews.format')}>
              {(p) => (
                <select {...p} className="input" value={format} onChange={(e) => setFormat(e.target.value as 'lines' | 'paragraphs')} data-testid="reviews-format">
                  <option value="lines">{t('competitors.reviews.formatLines')}</option>
                  <option value="paragraphs">{t('competitors.reviews.formatParagraphs')}</option>
                </select>
              )}
            </Field>
            <Field label={t('competitors.reviews.source')} error={errors.source}>
              {(p) => <input {...p} className="input" value={source} placeholder={t('competitors.reviews.sourcePlaceholder')} onChange={(e) => setSource(e.target.value)} data-testid="reviews-source" />}
            </Field>
            <Button type="submit" variant="primary" className="form-row-button" busy={busy} disabled={!text.trim()} icon={<Icon name="spark" />} testId="analyse-reviews">{t('competitors.reviews.analyse')}</Button>
          </div>
        </form>
      )}

      <section className="card stack" data-testid="review-themes">
        <div className="section-head">
          <h2 className="card-title">{t('competitors.reviews.themesTitle')}</h2>
          {themes.data && <SentimentBadge s={themes.data.overall} testId="overall-sentiment" />}
        </div>
        {themes.loading && !themes.data && <Loading />}
        {themes.data && !themes.data.themes.length && <p className="muted">{t('competitors.reviews.noThemes')}</p>}
        {themes.data && option && themes.data.themes.length > 0 && (
          <>
            <Chart option={option} height={Math.max(140, themes.data.themes.length * 34)} label={t('competitors.reviews.themesTitle')} testId="themes-chart" />
            <Table caption={t('competitors.reviews.themesTitle')} testId="themes-table">
              <thead><tr>
                <th>{t('competitors.compare.theme')}</th><th>{t('competitors.reviews.count')}</th><th>{t('competitors.reviews.share')}</th>
                <th>{t('competitors.reviews.mean')}</th><th>{t('competitors.reviews.negativeShare')}</th><th>{t('competitors.reviews.phrases')}</th>
              </tr></thead>
              <tbody>
                {themes.data.themes.map((th) => (
                  <tr key={th.id} data-testid="theme-row">
                    <td>{th.name}</td>
                    <td>{formatNumber(lang, th.n)}</td>
                    <td>{formatPercent(lang, th.share)}</td>
                    <td><Badge tone={th.meanSentiment >= 0.15 ? 'success' : th.meanSentiment <= -0.15 ? 'danger' : 'warning'}>{formatSigned(lang, th.meanSentiment, 2)}</Badge></td>
                    <td>{formatPercent(lang, th.negativeShare)}</td>
                    <td className="muted">{th.topPhrases.map((p) => p.phrase).join(' · ') || '–'}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </>
        )}
      </section>

      <section className="stack" data-testid="review-list">
        <h2 className="section-title">{t('competitors.reviews.listTitle', { count: reviews.data?.total ?? 0 })}</h2>
        {reviews.data && !reviews.data.items.length && <EmptyState title={t('competitors.reviews.emptyTitle')} text={t('competitors.reviews.emptyText')} />}
        {batches.map((b) => (
          <div key={b.batchId} className="card stack-sm review-batch">
            <div className="row-between">
              <span className="muted">{t('competitors.reviews.batch', { count: b.items.length, when: formatDateTime(lang, b.createdAt) })}{b.source && ` · ${b.source}`}</span>
              {!readOnly && <Button size="sm" variant="ghost" icon={<Icon name="trash" />} onClick={() => void remove({ batch: b.batchId }, t('competitors.reviews.confirmBatch', { count: b.items.length }))}>{t('competitors.reviews.deleteBatch')}</Button>}
            </div>
            <ul className="review-items">
              {b.items.map((r) => (
                <li key={r.id} className="review-item" data-testid="review-item">
                  <p className="review-text" lang={r.language === 'other' ? undefined : r.language}>{r.text}</p>
                  <div className="row-wrap review-meta">
                    <Badge tone={labelTone(r.sentimentLabel)} testId="review-sentiment">{t(`competitors.label.${r.sentimentLabel}`, { defaultValue: r.sentimentLabel })} {formatSigned(lang, r.sentimentScore, 2)}</Badge>
                    {r.themes.map((th) => <span key={th.id} className="theme-chip" data-testid="review-theme">{th.name}</span>)}
                    <span className="muted small">{t(`competitors.language.${r.language}`, { defaultValue: r.language })}</span>
                    {!readOnly && <Button size="sm" variant="ghost" className="review-delete" icon={<Icon name="trash" />} aria-label={t('common.delete')} onClick={() => void remove({ review: r.id }, t('competitors.reviews.confirmOne'))} />}
                  </div>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </div>
  );
}
