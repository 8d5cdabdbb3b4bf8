/**
 * /w/:wid/cases/setup/:section: how the closed loop runs. Managers (cases.manage) edit; anyone who
 * may read cases sees the same pages read-only, so an agent can look up the SLA or a template.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../app/Shell';
import { Link } from '../../../app/router';
import { useWorkspace } from '../../../app/workspace-context';
import { EmptyState } from '../../../ui/EmptyState';
import { TabLinks } from '../../../ui/Tabs';
import { loopMetricsPath } from '../loop/loop-view';
import { AgentsSection } from './AgentsSection';
import { CaseSettingsSection } from './CaseSettingsSection';
import { RulesSection } from './RulesSection';
import { SlaSection } from './SlaSection';
import { TeamsSection } from './TeamsSection';
import './cases-admin.css';

export const SETUP_SECTIONS = ['rules', 'teams', 'agents', 'sla', 'settings'] as const;
type Section = (typeof SETUP_SECTIONS)[number];

const RENDER: Record<Section, (wid: string, manage: boolean) => ReactNode> = {
  rules: (wid, manage) => <RulesSection wid={wid} manage={manage} />,
  teams: (wid, manage) => <TeamsSection wid={wid} manage={manage} />,
  agents: (wid, manage) => <AgentsSection wid={wid} manage={manage} />,
  sla: (wid, manage) => <SlaSection wid={wid} manage={manage} />,
  settings: (wid, manage) => <CaseSettingsSection wid={wid} manage={manage} />,
};

/** The setup page's path, for links from the inbox and elsewhere. */
export function caseSetupPath(wid: string, section: Section = 'rules'): string {
  return `/w/${encodeURIComponent(wid)}/cases/setup/${section}`;
}

export function CaseSetupPage({ section }: { section: string }) {
  const { t } = useTranslation();
  const { workspace, can } = useWorkspace();
  const wid = workspace.id;
  const manage = can('cases.manage');
  const current = (SETUP_SECTIONS as readonly string[]).includes(section) ? (section as Section) : null;
  return (
    <>
      <PageHeader
        title={t('casesAdmin.title')}
        subtitle={t('casesAdmin.subtitle')}
        back={{ to: `/w/${wid}/cases`, label: t('casesAdmin.backToCases') }}
        actions={can('cases.read') && <Link to={loopMetricsPath(wid)} className="btn btn-secondary" data-testid="setup-loop-link">{t('casesAdmin.loop.link')}</Link>}
      />
      {!can('cases.read') ? (
        <EmptyState title={t('casesAdmin.noAccess')} text={t('casesAdmin.noAccessText', { role: t(`roles.${workspace.role}`) })} testId="no-access" />
      ) : (
        <>
          <TabLinks label={t('casesAdmin.title')} current={section}
            items={SETUP_SECTIONS.map((s) => ({ id: s, label: t(`casesAdmin.tabs.${s}`), to: caseSetupPath(wid, s), testId: `case-setup-tab-${s}` }))} />
          <div className="tab-panel cases-admin" data-testid={`case-setup-${section}`}>
            {!manage && <p className="notice" data-testid="setup-read-only">{t('casesAdmin.readOnly')}</p>}
            {current ? RENDER[current](wid, manage) : <EmptyState title={t('common.notFoundTitle')} />}
          </div>
        </>
      )}
    </>
  );
}
