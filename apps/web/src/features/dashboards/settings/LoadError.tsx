import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../lib/api';
import { errorText } from '../../../lib/errors';

/** A section that could not load: a 403 reads as "not for your role", anything else as the error. */
export function LoadError({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  return <p className="tile-error" role="alert" data-testid="load-error">{error.status === 403 ? t('dashboards.errors.forbidden') : errorText(t, error)}</p>;
}
