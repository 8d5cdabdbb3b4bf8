/**
 * The lists several case pages name things from: teams, the members who may work cases, and the
 * text-analytics themes (root causes and rule conditions are theme ids), with look-ups from id to
 * name in the UI language.
 */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { GENERAL_THEME, type Agent, type TaxonomyView, type Team, type UiLanguage } from '@touchpoint/shared';
import { ws } from '../../../lib/api';
import { useApi } from '../../../lib/use-api';

/** The taxonomy's themes and their names; `general` and unknown ids read sensibly too. */
export function useThemeNames(wid: string, enabled = true) {
  const { t, i18n } = useTranslation();
  const taxonomy = useApi<TaxonomyView>(enabled ? ws(wid, 'text', 'themes') : null);
  const lang = i18n.language as UiLanguage;
  const themes = useMemo(() => taxonomy.data?.themes ?? [], [taxonomy.data]);
  // Names per language come with every theme, so a language switch needs no refetch.
  const themeName = useCallback((id: string) => {
    if (id === GENERAL_THEME) return t('casesAdmin.general');
    const theme = themes.find((x) => x.id === id);
    return theme ? theme.names[lang] ?? theme.name : id;
  }, [themes, lang, t]);
  return { themes, themeName };
}

export function useCaseDirectory(wid: string, opts: { themes?: boolean } = {}) {
  const teams = useApi<Team[]>(ws(wid, 'cases', 'teams'));
  const agents = useApi<Agent[]>(ws(wid, 'cases', 'agents'));
  const { themes, themeName } = useThemeNames(wid, !!opts.themes);
  const teamName = useCallback((id: string) => teams.data?.find((x) => x.id === id)?.name, [teams.data]);
  const personName = useCallback((userId: string) => {
    const a = agents.data?.find((x) => x.userId === userId);
    return a ? a.name || a.email : undefined;
  }, [agents.data]);
  return { teams, agents, themes, themeName, teamName, personName };
}
