import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../../app/workspace-context';
import { BenchmarksCard } from './BenchmarksCard';
import { CxIndexCard } from './CxIndexCard';
import { TargetsCard } from './TargetsCard';
import { TimeZoneCard } from './TimeZoneCard';
import '../dashboards.css';

/**
 * Settings → Metrics: how days are counted and which metadata is analysed, the CX index weights,
 * targets and benchmarks. Everyone who may read the workspace sees them; owners and admins
 * (workspace.manage) change them, and the server refuses anyone else with 403 (shown as a toast).
 */
export function MetricsSettingsSection() {
  const { t } = useTranslation();
  const { can } = useWorkspace();
  const manage = can('workspace.manage');
  return (
    <div className="metric-settings" data-testid="metric-settings">
      {!manage && <p className="notice" data-testid="metric-settings-readonly">{t('metricSettings.readOnly')}</p>}
      <TimeZoneCard manage={manage} />
      <CxIndexCard manage={manage} />
      <TargetsCard manage={manage} />
      <BenchmarksCard manage={manage} />
    </div>
  );
}
