import { useTranslation } from 'react-i18next';
import type { SurveyStatus } from '@touchpoint/shared';
import { Button } from '../../../ui/Button';

/** The allowed moves: draft → live (publish), live → closed, closed → live (reopen). */
export function StatusActions({ status, busy, onChange }: { status: SurveyStatus; busy: boolean; onChange: (next: SurveyStatus) => void }) {
  const { t } = useTranslation();
  if (status === 'draft') return <Button variant="primary" busy={busy} onClick={() => onChange('live')} testId="publish-survey">{t('builder.publish')}</Button>;
  if (status === 'live') return <Button busy={busy} onClick={() => onChange('closed')} testId="close-survey">{t('builder.close')}</Button>;
  return <Button busy={busy} onClick={() => onChange('live')} testId="reopen-survey">{t('builder.reopen')}</Button>;
}
