import { useTranslation } from 'react-i18next';
import type { TraitDefinition, TraitType, TraitValue } from '@touchpoint/shared';
import { formatDate } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { Link } from '../../app/router';
import { useWorkspace } from '../../app/workspace-context';
import { Badge } from '../../ui/Badge';
import { traitDisplay, traitText } from './customer-format';
import { customerPath, type Profile } from './use-customer-data';

/** How the person is known: emails, phones, ids per source, device ids; and the profiles merged in. */
export function IdentifiersCard({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  return (
    <section className="card stack-sm" aria-labelledby="identifiers-title" data-testid="identifiers">
      <h2 className="card-title" id="identifiers-title">{t('customers.profile.identifiers')}</h2>
      {!profile.identifiers.length ? <p className="muted">{t('customers.profile.noIdentifiers')}</p> : (
        <ul className="plain-list">
          {profile.identifiers.map((i) => (
            <li key={i.id} className="identifier" data-testid="identifier" data-kind={i.kind}>
              <span className="identifier-kind">{t(`customers.identifierKind.${i.kind}`)}{i.source ? <span className="muted"> · {i.source}</span> : null}</span>
              <span className="identifier-main">
                <span className="identifier-value" data-testid="identifier-value">{i.value}</span>
                {i.verified ? <Badge tone="success">{t('customers.profile.verified')}</Badge> : <Badge tone="warning">{t('customers.profile.unverified')}</Badge>}
                {i.profileId !== profile.id && <Badge tone="info" title={i.profileId}>{t('customers.profile.fromMerged')}</Badge>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {profile.mergedProfileIds.length > 0 && (
        <div className="stack-sm" data-testid="merged-profiles">
          <h3 className="card-subtitle">{t('customers.profile.mergedProfiles', { count: profile.mergedProfileIds.length })}</h3>
          <ul className="plain-list">
            {profile.mergedProfileIds.map((id) => (
              <li key={id}><Link to={customerPath(workspace.id, id)} className="mono small" data-testid="merged-profile">{id}</Link></li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** Traits as the merge rules resolve them, each shown by its type: lists as tags, yes/no, dates. */
export function TraitsCard({ traits, definitions }: { traits: Record<string, TraitValue>; definitions: TraitDefinition[] }) {
  const { t } = useTranslation();
  const types = new Map(definitions.map((d) => [d.key, d.type]));
  const entries = Object.entries(traits).sort(([a], [b]) => (a < b ? -1 : 1));
  return (
    <section className="card stack-sm" aria-labelledby="traits-title" data-testid="traits">
      <h2 className="card-title" id="traits-title">{t('customers.profile.traits')}</h2>
      {!entries.length ? <p className="muted">{t('customers.profile.noTraits')}</p> : (
        <dl className="trait-list">
          {entries.map(([key, value]) => (
            <div key={key} className="trait" data-testid="trait" data-key={key}>
              <dt className="mono small">{key}</dt>
              <dd data-testid="trait-value"><TraitValueView value={value} type={types.get(key)} /></dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function TraitValueView({ value, type }: { value: TraitValue; type?: TraitType }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const d = traitDisplay(value, type);
  if (d.kind === 'list') return <span className="badge-list">{d.items.map((item, i) => <Badge key={`${i}:${item}`}>{item}</Badge>)}</span>;
  if (d.kind === 'boolean') return <Badge tone={d.value ? 'success' : 'neutral'}>{d.value ? t('customers.yes') : t('customers.no')}</Badge>;
  const text = traitText(value, { lang, type, yes: t('customers.yes'), no: t('customers.no') });
  if (d.kind === 'date') return <time dateTime={d.iso}>{text}</time>;
  return <span className={d.kind === 'number' ? 'num' : 'trait-text'}>{text}</span>;
}

/** Consents per purpose: the latest answer wins across merged profiles. */
export function ConsentsCard({ consents }: { consents: Profile['consents'] }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const entries = Object.entries(consents).sort(([a], [b]) => (a < b ? -1 : 1));
  return (
    <section className="card stack-sm" aria-labelledby="consents-title" data-testid="consents">
      <h2 className="card-title" id="consents-title">{t('customers.profile.consents')}</h2>
      {!entries.length ? <p className="muted">{t('customers.profile.noConsents')}</p> : (
        <ul className="plain-list">
          {entries.map(([purpose, c]) => (
            <li key={purpose} className="consent" data-testid="consent" data-purpose={purpose}>
              <span>{t(`customers.consentPurpose.${purpose}`, { defaultValue: purpose })}</span>
              <Badge tone={c.granted ? 'success' : 'danger'}>{c.granted ? t('customers.profile.granted') : t('customers.profile.refused')}</Badge>
              <time className="muted small" dateTime={c.at}>{formatDate(lang, c.at)}</time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
