/** The controls of a condition row: compact, labelled for screen readers, marking their own error. */
import type { ConditionDraft } from './segment-draft';

export interface RowProps<D extends ConditionDraft = ConditionDraft> {
  node: D;
  /** Where the condition sits in the definition (definition.conditions[0]…): errors are keyed by it. */
  path: string;
  errors: Record<string, string>;
  onChange: (next: D) => void;
  readOnly: boolean;
}

export function RowSelect<V extends string>({ label, value, options, onChange, invalid, disabled, testId }: { label: string; value: V; options: { value: V; label: string }[]; onChange: (v: V) => void; invalid?: boolean; disabled: boolean; testId?: string }) {
  return (
    <select className="input input-sm select" aria-label={label} value={value} disabled={disabled} aria-invalid={invalid || undefined}
      onChange={(e) => onChange(e.target.value as V)} data-testid={testId}>
      {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
    </select>
  );
}

export function RowInput({ label, value, onChange, invalid, disabled, testId, kind = 'text', placeholder, list, wide }: { label: string; value: string; onChange: (v: string) => void; invalid?: boolean; disabled: boolean; testId?: string; kind?: 'text' | 'number'; placeholder?: string; list?: string; wide?: boolean }) {
  // Numbers stay type="text" with a numeric keyboard: "1,200" and a half-typed "-" are kept as typed.
  return (
    <input className={`input input-sm ${kind === 'number' ? 'segment-num' : wide ? 'segment-text-wide' : 'segment-text'}`} aria-label={label} value={value} disabled={disabled}
      inputMode={kind === 'number' ? 'decimal' : undefined} placeholder={placeholder} list={list} autoComplete="off" maxLength={kind === 'number' ? 20 : 400}
      aria-invalid={invalid || undefined} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
  );
}

