/**
 * The links between the pages of one navigation section: Compete (competitors, gap analyses) and
 * Plan (initiatives, SMART goals, target market). Each of those pages shows it under its title.
 */
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from './router';
import { useWorkspace } from './workspace-context';

const SECTIONS = {
  compete: [['competitors', 'nav.competitors'], ['gap-analyses', 'nav.gapAnalyses']],
  plan: [['initiatives', 'nav.initiatives'], ['goals', 'nav.goals'], ['target-market', 'nav.targetMarket']],
} as const;

export function StrategySections({ group }: { group: keyof typeof SECTIONS }) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const { pathname } = useLocation();
  return (
    <nav className="section-links" aria-label={t(group === 'compete' ? 'nav.compete' : 'nav.plan')}>
      {SECTIONS[group].map(([slug, key]) => {
        const to = `/w/${workspace.id}/${slug}`;
        return (
          <Link key={slug} to={to} className="section-link" aria-current={pathname.startsWith(to) ? 'page' : undefined} data-testid={`section-${slug}`}>
            {t(key)}
          </Link>
        );
      })}
    </nav>
  );
}
