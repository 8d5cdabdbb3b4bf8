/**
 * One agent row's working copy (team, languages, skills, capacity) and its PUT body, checked with
 * the server's AgentInput at its paths (skills[2], capacity). Availability is not part of the draft:
 * it is a switch that saves at once. Pure.
 */
import { AgentInput, UI_LANGUAGES, type Agent, type UiLanguage } from '@touchpoint/shared';
import { intOf, issuesByPath, splitList } from './rule-draft';

export interface AgentDraft { teamId: string; languages: UiLanguage[]; skills: string[]; capacity: string }

export const MAX_SKILLS = 30;

export function agentDraft(a: Agent): AgentDraft {
  return { teamId: a.teamId ?? '', languages: [...a.languages], skills: [...a.skills], capacity: String(a.capacity) };
}

export function sameDraft(a: AgentDraft, b: AgentDraft): boolean {
  return a.teamId === b.teamId && a.capacity.trim() === b.capacity.trim()
    && a.languages.length === b.languages.length && a.languages.every((l) => b.languages.includes(l))
    && a.skills.join('\n') === b.skills.join('\n');
}

/** Languages kept in the UI's order whatever order they were ticked in. */
export function toggleLanguage(list: readonly UiLanguage[], lang: UiLanguage, on: boolean): UiLanguage[] {
  return UI_LANGUAGES.filter((l) => (l === lang ? on : list.includes(l)));
}

/** Typed skills ("product:app, region:tw") added once each, spaces inside a skill tidied. */
export function addSkills(list: readonly string[], typed: string): string[] {
  const out = [...list];
  for (const s of splitList(typed).map((x) => x.replace(/\s+/g, ' '))) if (!out.includes(s) && out.length < MAX_SKILLS) out.push(s);
  return out;
}

export function checkAgent(d: AgentDraft, availability: Agent['availability']): { body: AgentInput | null; errors: Record<string, string> } {
  const parsed = AgentInput.safeParse({ teamId: d.teamId || null, languages: d.languages, skills: d.skills, capacity: intOf(d.capacity), availability });
  return parsed.success ? { body: parsed.data, errors: {} } : { body: null, errors: issuesByPath(parsed.error.issues) };
}

/** Open cases against capacity, 0–1 for the bar (past capacity shows full, and says so). */
export function loadShare(openCases: number, capacity: number): number {
  return capacity > 0 ? Math.min(1, openCases / capacity) : 1;
}
