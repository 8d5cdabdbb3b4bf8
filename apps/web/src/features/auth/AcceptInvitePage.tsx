import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, fieldErrors } from '../../lib/errors';
import { useAuth } from '../../app/auth-context';
import { navigate } from '../../app/router';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { AuthLayout } from './AuthLayout';

/**
 * /invite/:token. The server cannot tell us beforehand whether the invited email already has an
 * account, so name and password are asked for and may be left blank by existing users; the
 * server answers with field errors when they are needed.
 */
export function AcceptInvitePage({ token }: { token: string }) {
  const { t } = useTranslation();
  const { acceptInvitation } = useAuth();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      const wid = await acceptInvitation({ token, name: name.trim() || undefined, password: password || undefined });
      navigate(`/w/${wid}`, { replace: true });
    } catch (err) {
      // The server's "required" is the only message here; say it in the reader's language.
      const fields = Object.fromEntries(Object.entries(fieldErrors(err)).map(([k, v]) => [k, v === 'required' ? t('auth.required') : v]));
      setErrors(fields);
      setError(Object.keys(fields).length ? t('auth.inviteNeedsAccount') : errorText(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthLayout title={t('auth.inviteTitle')} subtitle={t('auth.inviteSubtitle')}>
      <form onSubmit={submit} className="stack" data-testid="accept-invite-form">
        <Field label={t('auth.yourName')} error={errors.name}>
          {(p) => <input {...p} className="input" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} data-testid="invite-name" />}
        </Field>
        <Field label={t('auth.choosePassword')} hint={t('auth.passwordHint')} error={errors.password}>
          {(p) => <input {...p} className="input" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} minLength={10} data-testid="invite-password" />}
        </Field>
        <p className="muted small">{t('auth.existingAccountHint')}</p>
        {error && <p className="form-error" role="alert" data-testid="invite-error">{error}</p>}
        <Button type="submit" variant="primary" busy={busy} testId="accept-invite" className="btn-block">{t('auth.acceptInvite')}</Button>
      </form>
    </AuthLayout>
  );
}
