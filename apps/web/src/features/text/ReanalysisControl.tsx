import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextStatus } from '@touchpoint/shared';
import { api, ApiError, ws } from '../../lib/api';
import { Button } from '../../ui/Button';
import { formatNumber } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { useWorkspace } from '../../app/workspace-context';
import { RetagProgress } from './RetagProgress';

/**
 * Texts analysed by an older model keep their results until someone asks for a re-run (results
 * stay reproducible): their count, the button that asks (themes.manage), then the run's progress.
 */
export function ReanalysisControl({ status, onStarted }: { status: TextStatus; onStarted: () => void }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const { workspace, can } = useWorkspace();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (status.reanalysis) return <RetagProgress progress={status.reanalysis} compact kind="reanalysis" />;
  if (status.otherModelVersions <= 0) return null;
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      await api(ws(workspace.id, 'text', 'reanalyze'), { method: 'POST', body: {} });
      onStarted();
    } catch (err) {
      setError(t('text.reanalysis.failed', { message: err instanceof ApiError ? err.message : String(err) }));
    } finally { setBusy(false); }
  };
  return (
    <span className="reanalysis" data-testid="reanalysis">
      <span>{t('text.status.otherModels', { n: formatNumber(lang, status.otherModelVersions) })}</span>
      {can('themes.manage') && (
        <Button size="sm" variant="ghost" busy={busy} disabled={!status.analysing} onClick={start} testId="reanalyse">
          {t('text.reanalysis.action')}
        </Button>
      )}
      {error && <span role="alert" className="error-text">{error}</span>}
    </span>
  );
}
