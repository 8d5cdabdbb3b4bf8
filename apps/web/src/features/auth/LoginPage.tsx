import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useAuth } from '../../app/auth-context';
import { navigate, useLocation } from '../../app/router';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { AuthLayout } from './AuthLayout';

/** Only same-site paths are followed after sign-in (no open redirect via ?next=https://…). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useAuth();
  const { search } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email.trim(), password);
      navigate(safeNext(search.get('next')), { replace: true });
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? t('auth.wrongCredentials') : errorText(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthLayout title={t('auth.signInTitle')} subtitle={t('auth.signInSubtitle')}>
      <form onSubmit={submit} className="stack" data-testid="login-form">
        <Field label={t('auth.email')}>
          {(p) => <input {...p} className="input" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required autoFocus data-testid="login-email" />}
        </Field>
        <Field label={t('auth.password')}>
          {(p) => <input {...p} className="input" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required data-testid="login-password" />}
        </Field>
        {error && <p className="form-error" role="alert" data-testid="login-error">{error}</p>}
        <Button type="submit" variant="primary" busy={busy} testId="login-submit" className="btn-block">{t('auth.signIn')}</Button>
      </form>
    </AuthLayout>
  );
}
