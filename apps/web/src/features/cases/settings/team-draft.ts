/**
 * The team form's working copy and its body, checked with the server's TeamInput schema; the weekly
 * hours are read by team-hours.ts first, so a typo in a time is named at its own box. Pure.
 */
import { TeamInput, type ASSIGNMENT_METHODS, type Team } from '@touchpoint/shared';
import { issuesByPath } from './rule-draft';
import { officeWeek, weekDraft, weekToHours, type WeekDraft } from './team-hours';

export interface TeamDraft {
  name: string;
  timeZone: string;
  week: WeekDraft;
  holidays: string[];
  assignment: (typeof ASSIGNMENT_METHODS)[number];
  /** '' = no lead. */
  leadUserId: string;
}

export function emptyTeam(timeZone: string): TeamDraft {
  return { name: '', timeZone, week: officeWeek(), holidays: [], assignment: 'round_robin', leadUserId: '' };
}

export function teamDraft(team: Team): TeamDraft {
  return { name: team.name, timeZone: team.timeZone, week: weekDraft(team.hours), holidays: [...team.holidays], assignment: team.assignment, leadUserId: team.leadUserId ?? '' };
}

export function checkTeam(d: TeamDraft): { body: TeamInput | null; errors: Record<string, string> } {
  const week = weekToHours(d.week);
  // With unreadable hours, the rest is still checked (against closed days) so every problem shows at once.
  const parsed = TeamInput.safeParse({
    name: d.name, timeZone: d.timeZone, hours: week.hours ?? Array.from({ length: 7 }, () => []),
    holidays: d.holidays, assignment: d.assignment, leadUserId: d.leadUserId || null,
  });
  const errors = { ...(parsed.success ? {} : issuesByPath(parsed.error.issues)), ...week.errors };
  return parsed.success && week.hours ? { body: parsed.data, errors: {} } : { body: null, errors };
}

/** The browser's own zone, the likely default for a new team. */
export function browserTimeZone(): string {
  try { return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'; } catch { return 'UTC'; }
}
