/**
 * A small link to the case setup pages (rules, teams, agents, SLA, settings), for the cases inbox's
 * header. Managers edit there; other readers see the same pages read-only.
 */
import { useTranslation } from 'react-i18next';
import { Link } from '../../../app/router';
import { useWorkspace } from '../../../app/workspace-context';

export function CaseSetupLink({ className = 'btn btn-secondary' }: { className?: string }) {
  const { t } = useTranslation();
  const { workspace, can } = useWorkspace();
  if (!can('cases.read')) return null;
  return <Link to={`/w/${encodeURIComponent(workspace.id)}/cases/setup/rules`} className={className} data-testid="case-setup-link">{t('casesAdmin.setupLink')}</Link>;
}
