import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useAuth } from '../../app/auth-context';
import { navigate } from '../../app/router';
import { NameModal } from '../../ui/NameModal';
import { useToast } from '../../ui/Toast';

/** Names a new workspace, then opens it. Closed, it keeps nothing: the next opening starts empty. */
export function CreateWorkspaceModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { refresh } = useAuth();
  const toast = useToast();
  if (!open) return null;
  return (
    <NameModal
      title={t('workspaces.new')} label={t('workspaces.name')} hint={t('workspaces.newHint')} submitLabel={t('workspaces.create')}
      testIds={{ modal: 'create-workspace-modal', input: 'workspace-name-input', submit: 'create-workspace' }}
      create={async (name) => {
        const w = await api<{ id: string; name: string }>('/api/workspaces', { method: 'POST', body: { name } });
        await refresh();
        toast.success(t('workspaces.created', { name: w.name }));
        onClose();
        navigate(`/w/${w.id}`);
      }}
      onClose={onClose}
    />
  );
}
