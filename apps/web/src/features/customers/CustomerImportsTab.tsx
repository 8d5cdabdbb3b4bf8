import { useWorkspace } from '../../app/workspace-context';
import { ConnectionsPanel } from './ConnectionsPanel';
import { ImportWizard } from './ImportWizard';
import { RecentImports } from './RecentImports';
import { useCustomerImports } from './use-customer-imports';

/**
 * The Import tab: the wizard over the list of recent imports. Both read one live list, so a
 * running import moves in both places from the same frames. Below them, the broker connections
 * (MQTT, NATS): the other way events come in besides the API and files.
 */
export function CustomerImportsTab({ shownId, onShow }: { shownId: string | null; onShow: (id: string | null, push: boolean) => void }) {
  const { workspace } = useWorkspace();
  const imports = useCustomerImports(workspace.id);
  return (
    <div className="stack-lg">
      <ImportWizard wid={workspace.id} imports={imports} shownId={shownId} onShow={(id) => onShow(id, false)} />
      <RecentImports imports={imports} shownId={shownId} onShow={(id) => { onShow(id, true); window.scrollTo({ top: 0, behavior: 'smooth' }); }} />
      <ConnectionsPanel />
    </div>
  );
}
