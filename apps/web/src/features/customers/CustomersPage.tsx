import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useLocation } from '../../app/router';
import { PageHeader } from '../../app/Shell';
import { useWorkspace } from '../../app/workspace-context';
import { Tabs } from '../../ui/Tabs';
import { CustomerSearch } from './CustomerSearch';
import { TraitDefinitionsSection } from './TraitDefinitionsSection';
import { decodeCustomersView, encodeCustomersView, type CustomersView } from './url-state';
import './customers.css';

/** Customer 360: find people (the search in the URL) and the workspace's trait definitions. */
export function CustomersPage() {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const { search } = useLocation();
  const query = search.toString();
  const view = useMemo(() => decodeCustomersView(query), [query]);
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
          { id: 'traits', label: t('customers.tabs.traits'), testId: 'customers-tab-traits' },
        ]}
      />
      <div className="tab-panel" role="tabpanel" aria-labelledby={`customers-tab-${view.tab}`}>
        {view.tab === 'people'
          ? <CustomerSearch q={view.q} onSearch={(q) => setView({ ...view, q })} />
          : <TraitDefinitionsSection />}
      </div>
    </>
  );
}
