import { useId, type ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | string[] | null;
  /** Renders the control with the ids that tie it to its label, hint and error. */
  children: (control: ControlProps) => ReactNode;
  className?: string;
  testId?: string;
}

/** Label + control + hint + error, wired for screen readers. */
export function Field({ label, hint, error, children, className, testId }: FieldProps) {
  const id = useId();
  const errors = (Array.isArray(error) ? error : error ? [error] : []).filter(Boolean);
  const described = [hint && `${id}-hint`, errors.length && `${id}-err`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', errors.length && 'field-invalid', className].filter(Boolean).join(' ')} data-testid={testId}>
      <label htmlFor={id} className="field-label">{label}</label>
      {children({ id, 'aria-describedby': described, 'aria-invalid': errors.length ? true : undefined })}
      {hint && <p id={`${id}-hint`} className="field-hint">{hint}</p>}
      {errors.length > 0 && (
        <p id={`${id}-err`} className="field-error" role="alert" data-testid="field-error">{errors.join(' · ')}</p>
      )}
    </div>
  );
}

/** An error line for a group of controls that has no single label (options list, follow-up). */
export function InlineError({ messages }: { messages: string[] }) {
  if (!messages.length) return null;
  return <p className="field-error" role="alert" data-testid="field-error">{messages.join(' · ')}</p>;
}
