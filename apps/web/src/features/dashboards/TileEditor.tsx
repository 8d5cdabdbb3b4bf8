import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons';
import { byLabel, metricLabel, tileTitle } from './labels';
import { BUILTIN_BREAKDOWNS, TILE_TYPE_GROUPS, metricsFor } from './tile-edit';
import { META_KEY } from './url-state';
import { CustomerTileFields } from './CustomerTiles';
import { LoopTileFields } from './LoopTiles';

/** A customer trait key, as the server's TraitKey. */
const TRAIT_KEY = /^[A-Za-z][A-Za-z0-9_.]{0,63}$/;
import type { Tile } from './types';

interface Props {
  tile: Tile;
  index: number;
  count: number;
  dimensions: string[];
  /** Declared customer traits: `trait:<key>` breakdowns (NPS by the customer's plan, city…). */
  traits?: string[];
  onChange: (patch: Partial<Tile>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/** The settings of one tile in edit mode: type, metric, period, segment, title, size, order. */
export function TileEditor({ tile, index, count, dimensions, traits = [], onChange, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const metrics = metricsFor(tile.type);
  const byOptions = [...BUILTIN_BREAKDOWNS, ...dimensions.map((d) => `meta:${d}`), ...traits.map((k) => `trait:${k}`)];
  if (tile.by && !byOptions.includes(tile.by)) byOptions.push(tile.by);
  const [otherKey, setOtherKey] = useState('');
  const [otherKind, setOtherKind] = useState<'meta' | 'trait'>('meta');
  const otherValid = (otherKind === 'meta' ? META_KEY : TRAIT_KEY).test(otherKey.trim());
  const title = tileTitle(t, { ...tile, title: undefined });

  return (
    <div className="tile-editor" data-testid="tile-editor" data-export="skip">
      <div className="tile-editor-bar">
        <span className="tile-editor-pos">{t('dashboards.edit.position', { n: index + 1, count })}</span>
        <span className="question-tools">
          <button type="button" className="icon-btn" onClick={() => onMove(-1)} disabled={index === 0} aria-label={t('dashboards.edit.moveEarlier')} data-testid="tile-move-up"><Icon name="up" /></button>
          <button type="button" className="icon-btn" onClick={() => onMove(1)} disabled={index === count - 1} aria-label={t('dashboards.edit.moveLater')} data-testid="tile-move-down"><Icon name="down" /></button>
          <button type="button" className="icon-btn" onClick={onRemove} aria-label={t('dashboards.edit.remove')} data-testid="tile-remove"><Icon name="trash" /></button>
        </span>
      </div>
      <div className="tile-editor-grid">
        <label className="mini-field" htmlFor={`${id}-type`}>
          <span>{t('dashboards.edit.type')}</span>
          <select id={`${id}-type`} className="input select input-sm" value={tile.type} onChange={(e) => onChange({ type: e.target.value as Tile['type'] })} data-testid="tile-type">
            <TileTypeOptions />
          </select>
        </label>
        {metrics.length > 1 && (
          <label className="mini-field" htmlFor={`${id}-metric`}>
            <span>{t('dashboards.edit.metric')}</span>
            <select id={`${id}-metric`} className="input select input-sm" value={tile.metric} onChange={(e) => onChange({ metric: e.target.value as Tile['metric'] })} data-testid="tile-metric">
              {metrics.map((m) => <option key={m} value={m}>{metricLabel(t, m)}</option>)}
            </select>
          </label>
        )}
        {(tile.type === 'trend' || tile.type === 'volume') && (
          <label className="mini-field" htmlFor={`${id}-interval`}>
            <span>{t('dashboards.edit.interval')}</span>
            <select id={`${id}-interval`} className="input select input-sm" value={tile.interval} onChange={(e) => onChange({ interval: e.target.value as Tile['interval'] })} data-testid="tile-interval">
              {(['day', 'week', 'month'] as const).map((x) => <option key={x} value={x}>{t(`dashboards.interval.${x}`)}</option>)}
            </select>
          </label>
        )}
        {tile.type === 'breakdown' && (
          <label className="mini-field" htmlFor={`${id}-by`}>
            <span>{t('dashboards.edit.by')}</span>
            <select id={`${id}-by`} className="input select input-sm" value={tile.by ?? 'channel'} onChange={(e) => onChange({ by: e.target.value })} data-testid="tile-by">
              {byOptions.map((b) => <option key={b} value={b}>{byLabel(t, b)}</option>)}
            </select>
          </label>
        )}
        <CustomerTileFields tile={tile} id={id} onChange={onChange} />
        <LoopTileFields tile={tile} id={id} onChange={onChange} />
        <label className="mini-field" htmlFor={`${id}-size`}>
          <span>{t('dashboards.edit.size')}</span>
          <select id={`${id}-size`} className="input select input-sm" value={tile.size} onChange={(e) => onChange({ size: e.target.value as Tile['size'] })} data-testid="tile-size">
            {(['s', 'm', 'l'] as const).map((x) => <option key={x} value={x}>{t(`dashboards.sizes.${x}`)}</option>)}
          </select>
        </label>
        <label className="mini-field mini-field-wide" htmlFor={`${id}-title`}>
          <span>{t('dashboards.edit.title')}</span>
          <input id={`${id}-title`} className="input input-sm" value={tile.title ?? ''} placeholder={title} maxLength={120}
            onChange={(e) => onChange({ title: e.target.value })} data-testid="tile-title" />
        </label>
        {tile.type === 'breakdown' && (
          <form className="mini-field mini-field-wide" onSubmit={(e) => { e.preventDefault(); if (otherValid) { onChange({ by: `${otherKind}:${otherKey.trim()}` }); setOtherKey(''); } }}>
            <span>{t('dashboards.edit.otherKey')}</span>
            <span className="row-wrap">
              <select className="input select input-sm" value={otherKind} onChange={(e) => setOtherKind(e.target.value as 'meta' | 'trait')} aria-label={t('dashboards.edit.keyKind')} data-testid="tile-other-kind">
                <option value="meta">{t('dashboards.edit.keyKindMeta')}</option>
                <option value="trait">{t('dashboards.edit.keyKindTrait')}</option>
              </select>
              <input className="input input-sm grow" value={otherKey} onChange={(e) => setOtherKey(e.target.value)} maxLength={64} placeholder="plan" aria-label={t('dashboards.edit.otherKey')} data-testid="tile-other-key" />
              <button type="submit" className="btn btn-secondary btn-sm" disabled={!otherValid} data-testid="tile-other-use">{t('dashboards.edit.useKey')}</button>
            </span>
          </form>
        )}
      </div>
    </div>
  );
}

/** The tile types for a <select>, grouped: survey answers, customers, the closed loop. */
export function TileTypeOptions() {
  const { t } = useTranslation();
  return (
    <>
      {TILE_TYPE_GROUPS.map((g) => (
        <optgroup key={g.id} label={t(`dashboards.typeGroups.${g.id}`)}>
          {g.types.map((x) => <option key={x} value={x}>{t(`dashboards.types.${x}`)}</option>)}
        </optgroup>
      ))}
    </>
  );
}
