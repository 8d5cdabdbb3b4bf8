import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment } from '@touchpoint/shared';
import { ws } from '../../lib/api';
import type { Items } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { Link } from '../../app/router';
import { useWorkspace } from '../../app/workspace-context';

/** The segments a person is in now, each a link to the segment (live ones follow the person's events). */
export function PersonSegmentsCard({ personId, version }: { personId: string; version: number }) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const segments = useApi<Items<Segment>>(ws(workspace.id, 'customers', personId, 'segments'));
  const { reload } = segments;
  // After a merge or unmerge on this page, the person's segments follow within seconds.
  useEffect(() => { if (version) { const t = setTimeout(() => void reload(), 2500); return () => clearTimeout(t); } }, [version, reload]);
  const items = segments.data?.items ?? [];
  return (
    <section className="card stack-sm" aria-labelledby="person-segments-title" data-testid="person-segments">
      <h2 className="card-title" id="person-segments-title">{t('customers.profile.segments')}</h2>
      {segments.data && !items.length && <p className="muted small">{t('customers.profile.noSegments')}</p>}
      {items.length > 0 && (
        <ul className="person-segments">
          {items.map((s) => (
            <li key={s.id}>
              <Link to={`/w/${workspace.id}/segments/${s.id}`} className="chip" data-testid="person-segment">
                {s.name}{s.kind === 'static' ? ` · ${t('customers.profile.staticSegment')}` : ''}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
