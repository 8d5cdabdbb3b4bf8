/**
 * A small link to the loop metrics page, for the cases inbox's header (or anywhere else). Renders
 * nothing for members who may not read cases.
 */
import { useTranslation } from 'react-i18next';
import { Link } from '../../../app/router';
import { useWorkspace } from '../../../app/workspace-context';
import { loopMetricsPath } from './loop-view';

export function LoopMetricsLink({ className = 'btn btn-secondary' }: { className?: string }) {
  const { t } = useTranslation();
  const { workspace, can } = useWorkspace();
  if (!can('cases.read')) return null;
  return <Link to={loopMetricsPath(workspace.id)} className={className} data-testid="loop-metrics-link">{t('casesAdmin.loop.link')}</Link>;
}
