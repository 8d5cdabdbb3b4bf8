/**
 * Who gets a new case. Pure: the candidates (agents of the case's team, or of the workspace when it
 * has none) with their load, and the case's needs (its customer's language, its metadata as skills).
 * Every method keeps within each agent's capacity and only picks agents who are online; when nobody
 * qualifies the case waits in the unassigned queue. The customer's language narrows the field in
 * every method (a reply in the customer's language is not a nicety); `skill` also prefers agents
 * whose skills (product:app, region:tw …) match the case's metadata, then the least loaded.
 */
import { customerUiLanguage } from '@touchpoint/shared';

export type AssignmentMethod = 'round_robin' | 'least_loaded' | 'skill';

export interface Candidate {
  userId: string; languages: string[]; skills: string[]; capacity: number; availability: 'online' | 'away';
  /** Open cases they own now. */
  load: number; lastAssignedAt: string | null;
}

export interface CaseNeeds { language: string | null; skills: string[] }

/** en, zh-Hant or zh-Hans for a response's language tag (zh-TW → zh-Hant …); null when unknown. */
export const uiLanguageOf = customerUiLanguage;

/** Skills a case asks for: each metadata pair as key:value, lower-case. */
export function skillsOf(metadata: Record<string, string>): string[] {
  return Object.entries(metadata).map(([k, v]) => `${k}:${v}`.toLowerCase());
}

function languageFit(c: Candidate, lang: string | null): number {
  if (!lang) return 0;
  if (c.languages.includes(lang)) return 2;
  return c.languages.some((l) => l.slice(0, 2) === lang.slice(0, 2)) ? 1 : 0;
}

const byLoad = (a: Candidate, b: Candidate) => a.load - b.load || (a.lastAssignedAt ?? '').localeCompare(b.lastAssignedAt ?? '') || a.userId.localeCompare(b.userId);

export function pickAgent(candidates: readonly Candidate[], method: AssignmentMethod, needs: CaseNeeds, lastAssignedUserId: string | null, exclude: readonly string[] = []): string | null {
  let pool = candidates.filter((c) => c.availability === 'online' && c.load < c.capacity && !exclude.includes(c.userId));
  if (!pool.length) return null;
  const bestLanguage = Math.max(...pool.map((c) => languageFit(c, needs.language)));
  pool = pool.filter((c) => languageFit(c, needs.language) === bestLanguage);
  if (method === 'round_robin') {
    const ordered = [...pool].sort((a, b) => a.userId.localeCompare(b.userId));
    return (ordered.find((c) => lastAssignedUserId !== null && c.userId > lastAssignedUserId) ?? ordered[0]).userId;
  }
  if (method === 'skill') {
    const wanted = new Set(needs.skills.map((s) => s.toLowerCase()));
    const fit = (c: Candidate) => c.skills.filter((s) => wanted.has(s.toLowerCase())).length;
    const best = Math.max(...pool.map(fit));
    pool = pool.filter((c) => fit(c) === best);
  }
  return [...pool].sort(byLoad)[0].userId;
}
