import { useTranslation } from 'react-i18next';
import type { ShareInfo } from '../../../lib/types';
import { CopyButton } from '../../../ui/CopyButton';
import { Icon } from '../../../ui/icons';

/**
 * Public link, QR code and widget snippet. The QR code arrives as SVG markup; it is shown through
 * an <img> data URL, which renders it as an image and never runs or injects it into the page.
 */
export function ShareLinks({ share }: { share: ShareInfo }) {
  const { t } = useTranslation();
  const qrSrc = `data:image/svg+xml;utf8,${encodeURIComponent(share.qrSvg)}`;
  return (
    <div className="share-grid">
      <section className="card stack">
        <h2 className="card-title">{t('share.publicLink')}</h2>
        <p className="muted small">{t('share.publicLinkHint')}</p>
        <div className="copy-row">
          <input className="input input-mono" readOnly value={share.link} aria-label={t('share.publicLink')} data-testid="public-link" onFocus={(e) => e.currentTarget.select()} />
          <CopyButton text={share.link} testId="copy-link" />
          <a className="btn btn-ghost btn-sm" href={share.link} target="_blank" rel="noopener noreferrer" aria-label={t('share.openLink')}><Icon name="external" /></a>
        </div>
        <h3 className="card-subtitle">{t('share.widget')}</h3>
        <p className="muted small">{t('share.widgetHint')}</p>
        <pre className="code" data-testid="widget-snippet"><code>{share.widgetSnippet}</code></pre>
        <div><CopyButton text={share.widgetSnippet} testId="copy-snippet" label={t('share.copySnippet')} /></div>
      </section>
      <section className="card qr-card">
        <h2 className="card-title">{t('share.qr')}</h2>
        <img src={qrSrc} alt={t('share.qrAlt', { link: share.link })} className="qr" data-testid="qr-code" width={180} height={180} />
        <a className="btn btn-sm" href={qrSrc} download="touchpoint-qr.svg"><Icon name="download" /> {t('share.downloadQr')}</a>
      </section>
    </div>
  );
}
