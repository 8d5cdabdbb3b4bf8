import { useTranslation } from 'react-i18next';
import type { TransportStatus } from '@touchpoint/shared';
import { formatDateTime, formatNumber, formatRelative } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { CopyButton } from '../../ui/CopyButton';
import { publishExample } from './connection-examples';

/** How many of the kept problems the card lists (the server keeps 20). */
const SHOWN_ERRORS = 5;

/** One broker transport of the workspace: state, address, counts, last problems and an example. */
export function ConnectionCard({ status: s, canManage, busy, onToggle }: { status: TransportStatus; canManage: boolean; busy: boolean; onToggle: (enabled: boolean) => void }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const name = t(`customers.connections.name.${s.transport}`);
  const link = !s.configured ? { tone: 'neutral' as const, text: t('customers.connections.notConfigured') }
    : s.connected ? { tone: 'success' as const, text: t('customers.connections.connected') }
    : { tone: 'danger' as const, text: t('customers.connections.disconnected') };

  return (
    <article className="card stack-sm connection" data-testid={`connection-${s.transport}`} data-enabled={s.enabled} data-connected={s.connected}>
      <header className="connection-head">
        <h3 className="connection-name">{name}</h3>
        <Badge tone={link.tone} testId="connection-link">{link.text}</Badge>
        <Badge tone={s.enabled ? 'info' : 'neutral'} testId="connection-switch">{t(s.enabled ? 'customers.connections.on' : 'customers.connections.off')}</Badge>
        {canManage && (
          <Button size="sm" variant={s.enabled ? 'secondary' : 'primary'} busy={busy} onClick={() => onToggle(!s.enabled)} testId="connection-toggle" className="connection-toggle">
            {t(s.enabled ? 'customers.connections.turnOff' : 'customers.connections.turnOn')}
          </Button>
        )}
      </header>
      <p className="muted small">{t(`customers.connections.about.${s.transport}`)}</p>
      {!s.configured && <p className="small" data-testid="connection-unconfigured">{t(`customers.connections.howToConfigure.${s.transport}`)}</p>}
      {s.brokerError && <p className="small text-danger" role="status" data-testid="connection-broker-error">{t('customers.connections.brokerError', { error: s.brokerError })}</p>}
      <dl className="connection-facts">
        <dt>{t(s.transport === 'mqtt' ? 'customers.connections.topic' : 'customers.connections.subject')}</dt>
        <dd className="connection-address"><code data-testid="connection-address">{s.address}</code>{s.address && <CopyButton text={s.address} testId="connection-copy" />}</dd>
        {s.broker && <><dt>{t('customers.connections.broker')}</dt><dd><code>{s.broker}</code></dd></>}
        {s.stream && <><dt>{t('customers.connections.stream')}</dt><dd><code>{s.stream}</code></dd></>}
        <dt>{t('customers.connections.lastMessage')}</dt>
        <dd>{s.lastMessageAt ? <time dateTime={s.lastMessageAt} title={formatDateTime(lang, s.lastMessageAt)}>{formatRelative(lang, s.lastMessageAt)}</time> : t('customers.connections.never')}</dd>
      </dl>
      <ul className="connection-counts" aria-label={t('customers.connections.countsLabel')}>
        {(['messages', 'accepted', 'duplicates', 'invalid'] as const).map((k) => (
          <li key={k} data-testid={`connection-${k}`}><span className="num">{formatNumber(lang, s[k])}</span> <span className="muted small">{t(`customers.connections.count.${k}`)}</span></li>
        ))}
      </ul>
      <p className="muted small">{t('customers.connections.keyNote')}</p>
      {s.errors.length > 0 && (
        <div className="stack-sm">
          <h4 className="connection-subtitle">{t('customers.connections.lastProblems')}</h4>
          <ul className="plain-list connection-problems" data-testid="connection-problems">
            {s.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
              <li key={`${e.at}-${i}`} className="small">
                <code>{e.path || t('customers.connections.wholeMessage')}</code> {e.message} <time className="muted" dateTime={e.at}>{formatRelative(lang, e.at)}</time>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ConnectionExample text={t(`customers.connections.exampleText.${s.transport}`)} commands={publishExample(s)} />
    </article>
  );
}

/** The folded example of a connection: what to know, then commands to copy. */
export function ConnectionExample({ text, commands }: { text: string; commands: string[] }) {
  const { t } = useTranslation();
  return (
    <details className="import-help" data-testid="connection-example">
      <summary>{t('customers.connections.example')}</summary>
      <div className="stack-sm">
        <p className="small">{text}</p>
        {commands.map((cmd) => <pre key={cmd} className="code small"><code>{cmd}</code></pre>)}
      </div>
    </details>
  );
}
