import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';

/** A section that could not load: a 403 reads as "not for your role", anything else as the error, with a retry. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <EmptyState testId="cases-load-error"
      title={error.status === 403 ? t('casesAdmin.noAccess') : t('casesAdmin.loadFailed')}
      text={error.status === 403 ? undefined : errorText(t, error)}
      action={onRetry && error.status !== 403 ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined} />
  );
}
