/**
 * A number box that keeps what is typed ("1.", "", "-") while the model holds a number: the
 * model gets NaN for text that is not a number yet, so validation shows it at the field's path.
 * `scale` shows a fraction as a percentage (0.1 ↔ 10).
 */
import { useEffect, useState } from 'react';

interface Props {
  value: number;
  onChange: (n: number) => void;
  scale?: number;
  id?: string;
  label?: string;
  readOnly?: boolean;
  invalid?: boolean;
  className?: string;
  testId?: string;
  step?: string;
}

const show = (v: number, scale: number) => (Number.isFinite(v) ? String(+(v * scale).toFixed(8)) : '');

export function NumInput({ value, onChange, scale = 1, id, label, readOnly, invalid, className, testId, step = 'any' }: Props) {
  const [text, setText] = useState(show(value, scale));
  useEffect(() => {
    // Follow outside changes (a reload, a template), not our own typing.
    const typed = text.trim() === '' ? NaN : Number(text) / scale;
    if (!(Number.isNaN(typed) && Number.isNaN(value)) && typed !== value) setText(show(value, scale));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, scale]);
  return (
    <input
      id={id} type="number" inputMode="decimal" step={step} className={['input input-sm input-num', className].filter(Boolean).join(' ')}
      value={text} readOnly={readOnly} aria-label={label} aria-invalid={invalid || undefined} data-testid={testId}
      onChange={(e) => { setText(e.target.value); onChange(e.target.value.trim() === '' ? NaN : Number(e.target.value) / scale); }}
    />
  );
}
