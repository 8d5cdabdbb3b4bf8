import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/icons';
import { queryKey } from './query-plan';
import { MAX_TILES, addTile, changeTile, moveTile, removeTile } from './tile-edit';
import type { TileContext } from './tile-props';
import { TileCard } from './TileCard';
import { TileEditor, TileTypeOptions } from './TileEditor';
import type { Tile, TileType } from './types';
import type { QueryState } from './use-dashboard-data';

interface Props {
  tiles: Tile[];
  states: Record<string, QueryState>;
  ctx: TileContext;
  /** The tiles being edited (edit mode), or null. */
  draft: Tile[] | null;
  onDraft: (tiles: Tile[]) => void;
  dimensions: string[];
  /** Declared customer traits (breakdowns by the person's attribute). */
  traits?: string[];
  /** Opens edit mode from the empty state (roles that may edit). */
  onEdit?: () => void;
}

/** Tiles on a 12-column grid (s = 3, m = 6, l = 12 columns); in edit mode each carries its settings. */
export function DashboardGrid({ tiles, states, ctx, draft, onDraft, dimensions, traits = [], onEdit }: Props) {
  const { t } = useTranslation();
  const [newType, setNewType] = useState<TileType>('value');

  if (!tiles.length && !draft) {
    return (
      <EmptyState title={t('dashboards.noTiles')} text={t('dashboards.noTilesText')} testId="dashboard-empty"
        action={onEdit && <Button variant="primary" icon={<Icon name="plus" />} onClick={onEdit}>{t('dashboards.edit.addTile')}</Button>} />
    );
  }
  return (
    // data-pending counts tiles still waiting for their numbers: the benchmark (and tests) read it
    // to know when the first view is complete.
    <div className={`dash-grid ${draft ? 'is-editing' : ''}`} data-testid="dashboard-grid"
      data-pending={tiles.filter((tile) => { const st = states[queryKey(tile)]; return !st || st.loading || (!st.data && !st.error); }).length}>
      {tiles.map((tile, i) => (
        <div key={tile.id} className={`tile-slot tile-${tile.size}`}>
          <TileCard tile={tile} state={states[queryKey(tile)]} ctx={ctx} />
          {draft && (
            <TileEditor
              tile={tile} index={i} count={tiles.length} dimensions={dimensions} traits={traits}
              onChange={(patch) => onDraft(changeTile(draft, tile.id, patch))}
              onMove={(by) => onDraft(moveTile(draft, tile.id, by))}
              onRemove={() => onDraft(removeTile(draft, tile.id))}
            />
          )}
        </div>
      ))}
      {draft && (
        <div className="tile-slot tile-m add-tile" data-export="skip">
          <div className="card add-tile-card">
            <p className="card-title">{t('dashboards.edit.addTile')}</p>
            <p className="muted small">{t('dashboards.edit.addTileHint', { max: MAX_TILES })}</p>
            <div className="row-wrap">
              <select className="input select input-sm" value={newType} onChange={(e) => setNewType(e.target.value as TileType)} aria-label={t('dashboards.edit.type')} data-testid="add-tile-type">
                <TileTypeOptions />
              </select>
              <Button icon={<Icon name="plus" />} onClick={() => onDraft(addTile(draft, newType))} disabled={draft.length >= MAX_TILES} testId="add-tile">{t('dashboards.edit.add')}</Button>
            </div>
            <p className="muted small" data-testid="add-tile-about">{t(`dashboards.typeAbout.${newType}`)}</p>
          </div>
        </div>
      )}
    </div>
  );
}
