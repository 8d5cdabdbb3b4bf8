/**
 * A modal that asks for one name and makes something with it: a competitor, a gap analysis, a
 * target-market worksheet. `create` does the request and what follows (opening the new record);
 * the API's field errors show under the input, anything else as a toast.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../lib/errors';
import { Button } from './Button';
import { Field } from './Field';
import { Modal } from './Modal';
import { useToast } from './Toast';

export interface NameModalProps {
  title: string;
  label: string;
  hint?: string;
  submitLabel: string;
  testIds: { modal: string; input: string; submit: string };
  create: (name: string) => Promise<void>;
  onClose: () => void;
}

export function NameModal({ title, label, hint, submitLabel, testIds, create, onClose }: NameModalProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await create(name);
    } catch (err) {
      const byField = fieldErrors(err);
      setErrors(byField);
      if (!Object.keys(byField).length) toast.error(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open title={title} onClose={onClose} testId={testIds.modal}>
      <form className="stack" onSubmit={submit} noValidate>
        <Field label={label} error={errors.name} hint={hint}>
          {(p) => <input {...p} className="input" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoFocus data-testid={testIds.input} />}
        </Field>
        <div className="row-end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" busy={busy} testId={testIds.submit}>{submitLabel}</Button>
        </div>
      </form>
    </Modal>
  );
}
