import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerMerge, TimelineKind, TraitDefinition } from '@touchpoint/shared';
import { ws } from '../../lib/api';
import { errorText } from '../../lib/errors';
import type { Items } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { navigate, useLocation } from '../../app/router';
import { PageHeader } from '../../app/Shell';
import { useWorkspace } from '../../app/workspace-context';
import { Button } from '../../ui/Button';
import { CopyButton } from '../../ui/CopyButton';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Spinner';
import { CustomerTimeline } from './CustomerTimeline';
import { MergeHistory } from './MergeHistory';
import { PersonDataCard } from './PersonDataCard';
import { PersonSegmentsCard } from './PersonSegmentsCard';
import { ConsentsCard, IdentifiersCard, TraitsCard } from './ProfileDetails';
import { ProfileSummary } from './ProfileSummary';
import { parseTimelineKinds, withTimelineKinds } from './url-state';
import { customerPath, useTimeline, type Profile } from './use-customer-data';
import './customers.css';

/** One person: numbers, identifiers, traits, consents, the timeline and the merge history. */
export function CustomerProfilePage({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const wid = workspace.id;
  const { search } = useLocation();
  const query = search.toString();
  const kindsParam = search.get('kinds');
  const kinds = useMemo(() => parseTimelineKinds(kindsParam), [kindsParam]);
  const [version, setVersion] = useState(0);

  const profile = useApi<Profile>(ws(wid, 'customers', customerId));
  const merges = useApi<Items<CustomerMerge>>(ws(wid, 'customers', customerId, 'merges'));
  const definitions = useApi<Items<TraitDefinition>>(ws(wid, 'customers', 'traits'));
  const timeline = useTimeline(wid, customerId, kinds, version);
  const { reload: reloadProfile } = profile;
  const { reload: reloadMerges } = merges;
  const refresh = useCallback(() => {
    void reloadProfile();
    void reloadMerges();
    setVersion((v) => v + 1);
  }, [reloadProfile, reloadMerges]);

  // A merged profile's id answers with its person: the address becomes the person's own.
  const rootId = profile.data?.id;
  useEffect(() => {
    if (rootId && rootId !== customerId) navigate(`${customerPath(wid, rootId)}${query ? `?${query}` : ''}`, { replace: true });
  }, [rootId, customerId, wid, query]);

  const setKinds = (next: TimelineKind[]) => {
    const q = withTimelineKinds(query, next);
    navigate(`${customerPath(wid, customerId)}${q ? `?${q}` : ''}`, { replace: true });
  };
  const back = { to: `/w/${wid}/customers`, label: t('customers.title') };

  if (profile.error && !profile.data) {
    return (
      <>
        <PageHeader title={t('customers.profile.title')} back={back} />
        <EmptyState title={profile.error.status === 404 ? t('customers.profile.notFound') : t('errors.loadFailed')} text={errorText(t, profile.error)} testId="profile-error"
          action={<Button onClick={() => void profile.reload()}>{t('common.retry')}</Button>} />
      </>
    );
  }
  if (!profile.data) return <Loading testId="profile-loading" />;
  const p = profile.data;
  const contact = [p.email, p.phone].filter(Boolean).join(' · ');

  return (
    <>
      <PageHeader
        title={p.name ?? t('customers.unnamed')}
        back={back}
        subtitle={(
          <span className="profile-subtitle">
            {contact && <span data-testid="profile-contact">{contact}</span>}
            <span className="muted small">{t('customers.profile.id')} <code className="mono" data-testid="profile-id">{p.id}</code></span>
            <CopyButton text={p.id} label={t('customers.profile.copyId')} testId="copy-profile-id" />
          </span>
        )}
      />
      <div className="stack-lg">
        <ProfileSummary profile={p} />
        <div className="profile-columns">
          <div className="stack">
            <CustomerTimeline kinds={kinds} onKinds={setKinds} timeline={timeline} />
          </div>
          <div className="stack">
            <IdentifiersCard profile={p} />
            <TraitsCard traits={p.traits} definitions={definitions.data?.items ?? []} />
            <ConsentsCard consents={p.consents} />
            <PersonSegmentsCard personId={p.id} version={version} />
            <MergeHistory profile={p} merges={merges.data?.items ?? []} onChanged={refresh} />
            <PersonDataCard profile={p} />
          </div>
        </div>
      </div>
    </>
  );
}
