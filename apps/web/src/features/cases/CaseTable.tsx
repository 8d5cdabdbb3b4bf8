import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '@touchpoint/shared';
import { formatDateTime, formatRelative } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { Link, navigate } from '../../app/router';
import { Button } from '../../ui/Button';
import { Table } from '../../ui/Table';
import { slaSummary, themeLabel } from './case-labels';
import { PriorityBadge, SlaBadge, StatusBadge } from './CaseBadges';
import { casePath, type CaseMeta } from './use-cases';

interface Props {
  wid: string;
  cases: CaseSummary[];
  meta: CaseMeta;
  selected: number;
  onSelect: (index: number) => void;
  highlighted: ReadonlySet<string>;
  now: number;
  /** Present when the reader may work cases. */
  onAssignMe?: (c: CaseSummary) => void;
  assigning: string | null;
  onTag: (tag: string) => void;
}

/** The inbox rows. The keyboard selection (j/k) is shown and kept in view; a click on a row opens it. */
export function CaseTable({ wid, cases, meta, selected, onSelect, highlighted, now, onAssignMe, assigning, onTag }: Props) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const body = useRef<HTMLTableSectionElement>(null);

  useEffect(() => {
    if (selected < 0) return;
    body.current?.querySelectorAll('tr')[selected]?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <Table testId="case-table" caption={t('cases.inbox.title')}>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{t('cases.col.case')}</th>
          <th scope="col">{t('cases.col.customer')}</th>
          <th scope="col">{t('cases.col.priority')}</th>
          <th scope="col">{t('cases.col.status')}</th>
          <th scope="col">{t('cases.col.owner')}</th>
          <th scope="col">{t('cases.col.theme')}</th>
          <th scope="col">{t('cases.col.sla')}</th>
          <th scope="col">{t('cases.col.created')}</th>
        </tr>
      </thead>
      <tbody ref={body}>
        {cases.map((c, i) => {
          const sla = slaSummary(c);
          const open = c.category !== 'resolved' && c.category !== 'closed';
          const classes = ['case-row', i === selected && 'case-row-selected', highlighted.has(c.id) && 'case-row-changed'].filter(Boolean).join(' ');
          return (
            <tr key={c.id} className={classes} aria-selected={i === selected} data-testid="case-row" data-case-id={c.id}
              onClick={(e) => {
                onSelect(i);
                // Links and buttons inside the row act on their own.
                if (!(e.target as HTMLElement).closest('a, button')) navigate(casePath(wid, c.id));
              }}>
              <td className="num muted">{c.number}</td>
              <td className="case-title-cell">
                <Link to={casePath(wid, c.id)} className="strong-link" data-testid="case-link">{c.title}</Link>
                {c.tags.length > 0 && (
                  <span className="badge-list case-row-tags">
                    {c.tags.map((tag) => <button key={tag} type="button" className="case-tag" onClick={() => onTag(tag)} title={t('cases.filters.byTag', { tag })}>{tag}</button>)}
                  </span>
                )}
              </td>
              <td className="case-customer-cell">
                <span>{c.customer.name ?? c.customer.email ?? t('cases.customer.anonymous')}</span>
                {c.customer.name && c.customer.email && <span className="muted small">{c.customer.email}</span>}
              </td>
              <td><PriorityBadge priority={c.priority} /></td>
              <td><StatusBadge status={c.status} settings={meta.settings} /></td>
              <td className="nowrap" data-testid="case-owner">
                {c.ownerName ?? (
                  <span className="case-unassigned">
                    <span className="muted">{t('cases.unassigned')}</span>
                    {onAssignMe && open && (
                      <Button size="sm" variant="ghost" busy={assigning === c.id} onClick={() => onAssignMe(c)} testId="case-take">{t('cases.actions.take')}</Button>
                    )}
                  </span>
                )}
              </td>
              <td className="nowrap">{themeLabel(t, lang, c.theme, meta.themes)}</td>
              <td><SlaBadge clock={sla.clock} state={sla.state} dueAt={sla.dueAt} paused={sla.paused} now={now} /></td>
              <td className="nowrap muted small"><time dateTime={c.createdAt} title={formatDateTime(lang, c.createdAt)}>{formatRelative(lang, c.createdAt, Math.max(now, Date.parse(c.createdAt) || 0))}</time></td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
