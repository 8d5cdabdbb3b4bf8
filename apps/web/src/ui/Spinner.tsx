import { useTranslation } from 'react-i18next';

export function Spinner({ size = 18, label }: { size?: number; label?: string }) {
  return (
    <span className="spinner" style={{ width: size, height: size }} role={label ? 'status' : undefined}>
      {label && <span className="sr-only">{label}</span>}
    </span>
  );
}

/** Centered spinner for a page or panel still loading. */
export function Loading({ testId }: { testId?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" data-testid={testId ?? 'loading'}>
      <Spinner size={22} label={t('common.loading')} />
    </div>
  );
}
