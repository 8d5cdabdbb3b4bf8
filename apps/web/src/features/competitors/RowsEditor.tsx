/**
 * An editable table of rows (prices, promotions, sources): one input per column, add and remove
 * rows; read-only shows plain text. Errors arrive keyed by path ("prices[0].amount").
 */
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/icons';
import { Table } from '../../ui/Table';

export interface Column<R> { key: keyof R & string; label: string; type?: 'text' | 'date' | 'number' | 'url'; width?: string; display?: (row: R) => string }

interface Props<R> {
  name: string;
  rows: R[];
  columns: Column<R>[];
  readOnly: boolean;
  errors: Record<string, string>;
  onChange: (rows: R[]) => void;
  make: () => R;
  addLabel: string;
  emptyText: string;
}

export function RowsEditor<R extends Record<string, string>>({ name, rows, columns, readOnly, errors, onChange, make, addLabel, emptyText }: Props<R>) {
  const { t } = useTranslation();
  const set = (i: number, key: keyof R, value: string) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  const rowErrors = (i: number) => Object.entries(errors).filter(([p]) => p.startsWith(`${name}[${i}]`)).map(([p, m]) => `${p.slice(`${name}[${i}]`.length + 1) || name}: ${m}`);
  return (
    <div className="stack-sm" data-testid={`rows-${name}`}>
      {rows.length === 0 && <p className="muted">{emptyText}</p>}
      {rows.length > 0 && (
        <Table>
          <thead><tr>{columns.map((c) => <th key={c.key} style={{ width: c.width }}>{c.label}</th>)}{!readOnly && <th aria-label={t('common.actions')} />}</tr></thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {columns.map((c) => (
                  <td key={c.key}>
                    {readOnly
                      ? (c.type === 'url' && r[c.key] ? <a href={r[c.key]} target="_blank" rel="noopener noreferrer">{r[c.key]}</a> : (c.display?.(r) ?? (r[c.key] || '–')))
                      : <input
                          className="input input-sm rows-input"
                          type={c.type === 'date' ? 'date' : 'text'}
                          inputMode={c.type === 'number' ? 'decimal' : undefined}
                          value={r[c.key]}
                          aria-label={c.label}
                          aria-invalid={errors[`${name}[${i}].${c.key}`] ? true : undefined}
                          title={errors[`${name}[${i}].${c.key}`]}
                          onChange={(e) => set(i, c.key, e.target.value)}
                          data-testid={`${name}-${i}-${c.key}`}
                        />}
                  </td>
                ))}
                {!readOnly && (
                  <td className="row-actions">
                    <Button variant="ghost" size="sm" icon={<Icon name="trash" />} aria-label={t('common.delete')} onClick={() => onChange(rows.filter((_, j) => j !== i))} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {rows.map((_, i) => rowErrors(i)).flat().map((m) => <p key={m} className="field-error">{m}</p>)}
      {!readOnly && <div><Button size="sm" icon={<Icon name="plus" />} onClick={() => onChange([...rows, make()])} testId={`add-${name}`}>{addLabel}</Button></div>}
    </div>
  );
}
