import { useTranslation } from 'react-i18next';
import type { Permission } from '@touchpoint/shared';
import { PageHeader } from '../../app/Shell';
import { useWorkspace } from '../../app/workspace-context';
import { EmptyState } from '../../ui/EmptyState';
import { TabLinks } from '../../ui/Tabs';
import { ApiKeysSection } from './ApiKeysSection';
import { AuditSection } from './AuditSection';
import { InvitationsSection } from './InvitationsSection';
import { MembersSection } from './MembersSection';
import { WorkspaceSection } from './WorkspaceSection';
import { MetricsSettingsSection } from '../dashboards/settings/MetricsSettingsSection';

const SECTIONS: { id: string; labelKey: string; permission: Permission; render: () => React.ReactNode }[] = [
  { id: 'members', labelKey: 'settings.members', permission: 'members.read', render: () => <MembersSection /> },
  { id: 'invitations', labelKey: 'settings.invitations', permission: 'members.manage', render: () => <InvitationsSection /> },
  { id: 'api-keys', labelKey: 'settings.apiKeys', permission: 'apikeys.manage', render: () => <ApiKeysSection /> },
  { id: 'audit', labelKey: 'settings.audit', permission: 'audit.read', render: () => <AuditSection /> },
  { id: 'workspace', labelKey: 'settings.workspace', permission: 'workspace.read', render: () => <WorkspaceSection /> },
  { id: 'metrics', labelKey: 'settings.metrics', permission: 'workspace.read', render: () => <MetricsSettingsSection /> },
];

export function SettingsPage({ section }: { section: string }) {
  const { t } = useTranslation();
  const { workspace, can } = useWorkspace();
  const visible = SECTIONS.filter((s) => can(s.permission));
  const current = SECTIONS.find((s) => s.id === section);
  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={workspace.name} />
      <TabLinks
        label={t('settings.title')}
        current={section}
        items={visible.map((s) => ({ id: s.id, label: t(s.labelKey), to: `/w/${workspace.id}/settings/${s.id}`, testId: `settings-tab-${s.id}` }))}
      />
      <div className="tab-panel">
        {!current ? <EmptyState title={t('common.notFoundTitle')} />
          : !can(current.permission) ? <EmptyState title={t('settings.noAccess')} text={t('settings.noAccessText', { role: t(`roles.${workspace.role}`) })} testId="no-access" />
          : current.render()}
      </div>
    </>
  );
}
