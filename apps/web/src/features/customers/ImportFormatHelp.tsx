import { useTranslation } from 'react-i18next';
import { CONSENT_PURPOSES } from '@touchpoint/shared';
import { CSV_COLUMNS } from './import-file';

/** Examples are data, not prose: the same in every language (the column names are the API's). */
const CSV_EXAMPLE = [
  'type,userId,email,name,traits.tier,event,orderId,revenue,currency,consents.email',
  'identify,u-1001,meiling@example.com,陳美玲,gold,,,,,true',
  'track,u-1001,,,,Viewed product,,,,',
  'order,u-1001,,,,,A-1001,1280,TWD,',
].join('\n');

const JSONL_EXAMPLE = [
  '{"type":"identify","userId":"u-1001","email":"meiling@example.com","name":"陳美玲","traits":{"tier":"gold"}}',
  '{"type":"track","userId":"u-1001","event":"Viewed product","properties":{"sku":"T-42"}}',
  '{"type":"order","userId":"u-1001","orderId":"A-1001","revenue":1280,"currency":"TWD"}',
].join('\n');

/** What a file should look like, folded away until asked for. */
export function ImportFormatHelp() {
  const { t } = useTranslation();
  return (
    <details className="import-help" data-testid="import-help">
      <summary>{t('customers.import.helpTitle')}</summary>
      <div className="stack-sm">
        <p className="small">{t('customers.import.helpCsv', { columns: CSV_COLUMNS.join(', '), purposes: CONSENT_PURPOSES.join(', ') })}</p>
        <pre className="code small" aria-label={t('customers.import.formats.csv')}><code>{CSV_EXAMPLE}</code></pre>
        <p className="small">{t('customers.import.helpJsonl')}</p>
        <pre className="code small" aria-label={t('customers.import.formats.jsonl')}><code>{JSONL_EXAMPLE}</code></pre>
        <p className="muted small">{t('customers.import.helpRepeat')}</p>
      </div>
    </details>
  );
}
