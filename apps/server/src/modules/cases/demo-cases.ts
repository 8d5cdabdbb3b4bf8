/**
 * The demo workspace's closed loop: a customer-care team on Taipei office hours, the demo owner as
 * its agent (all three languages), and two rules. Cases then open by themselves as the background
 * analysis reaches the demo's recent unhappy answers (text.analyzed judges answers of the last 30
 * days), with their themes, as they would for real answers.
 */
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { createRule } from './rules.service.js';
import { ensureSettings, saveAgent, saveTeam } from './setup.service.js';

const OFFICE = { from: '09:00', to: '18:00' };

export async function seedDemoCases(deps: Deps, ctx: { workspaceId: string; actor: Actor }, ownerId: string): Promise<void> {
  await ensureSettings(deps, deps.db, ctx.workspaceId);
  const team = await saveTeam(deps, ctx, null, { name: 'Customer care 客服', timeZone: 'Asia/Taipei', hours: [[], [OFFICE], [OFFICE], [OFFICE], [OFFICE], [OFFICE], []], holidays: ['2026-12-25', '2027-01-01'], assignment: 'skill', leadUserId: ownerId });
  await saveAgent(deps, ctx, ownerId, { teamId: team.id, languages: ['en', 'zh-Hant', 'zh-Hans'], skills: [], capacity: 500, availability: 'online' });
  const actions = { teamId: team.id, assign: 'auto' as const, tags: [], notifyEmails: [], webhookUrl: null };
  await createRule(deps, ctx, { name: 'Urgent complaints', enabled: true, trigger: { match: 'all', conditions: [{ kind: 'cue', cue: 'urgency' }, { kind: 'sentiment' }] }, actions: { ...actions, priority: 'urgent' } });
  await createRule(deps, ctx, { name: 'Detractors with a comment', enabled: true, trigger: { match: 'all', conditions: [{ kind: 'score', metric: 'nps', op: 'lte', value: 6 }, { kind: 'sentiment' }] }, actions: { ...actions, priority: 'normal' } });
}
