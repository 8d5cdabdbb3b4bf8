import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useLocation } from '../../app/router';
import { PageHeader } from '../../app/Shell';
import { useWorkspace } from '../../app/workspace-context';
import { Tabs } from '../../ui/Tabs';
import { CustomerImportsTab } from './CustomerImportsTab';
import { CustomerSearch } from './CustomerSearch';
import { SegmentsTab } from './SegmentsTab';
import { TraitDefinitionsSection } from './TraitDefinitionsSection';
import { decodeCustomersView, encodeCustomersView, type CustomersView } from './url-state';
import './customers.css';

/**
 * Customer 360: find people (the search in the URL), the workspace's trait definitions, and for
 * those who may send events (customers.write) the import of event files.
 */
export function CustomersPage() {
  const { t } = useTranslation();
  const { workspace, can } = useWorkspace();
  const { search } = useLocation();
  const query = search.toString();
  const canImport = can('customers.write');
  const decoded = useMemo(() => decodeCustomersView(query), [query]);
  // A shared ?tab=import link opens on people for someone without the permission.
  const view: CustomersView = decoded.tab === 'import' && !canImport ? { tab: 'people', q: decoded.q } : decoded;
  // Typing replaces the history entry (one per search, not per keystroke); a tab click adds one.
  const setView = (v: CustomersView, replace = true) => {
    const q = encodeCustomersView(v);
    navigate(`/w/${workspace.id}/customers${q ? `?${q}` : ''}`, { replace });
  };

  return (
    <>
      <PageHeader title={t('customers.title')} subtitle={t('customers.subtitle')} />
      <Tabs
        label={t('customers.title')}
        idPrefix="customers-tab"
        value={view.tab}
        onChange={(id) => setView({ ...view, tab: id as CustomersView['tab'] }, false)}
        items={[
          { id: 'people', label: t('customers.tabs.people'), testId: 'customers-tab-people' },
          { id: 'segments', label: t('customers.tabs.segments'), testId: 'customers-tab-segments' },
          { id: 'traits', label: t('customers.tabs.traits'), testId: 'customers-tab-traits' },
          ...(canImport ? [{ id: 'import', label: t('customers.tabs.import'), testId: 'customers-tab-import' }] : []),
        ]}
      />
      <div className="tab-panel" role="tabpanel" aria-labelledby={`customers-tab-${view.tab}`}>
        {view.tab === 'people' ? <CustomerSearch q={view.q} onSearch={(q) => setView({ ...view, q })} />
          : view.tab === 'segments' ? <SegmentsTab />
          : view.tab === 'import' ? <CustomerImportsTab shownId={view.importId ?? null} onShow={(id, push) => setView({ ...view, importId: id ?? undefined }, !push)} />
          : <TraitDefinitionsSection />}
      </div>
    </>
  );
}
