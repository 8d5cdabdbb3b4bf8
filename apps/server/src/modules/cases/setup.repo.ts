/** SQL of the cases module's set-up: settings, teams, agents, SLA policies, rules and saved views. */
import type { Db, Trx } from '../../schema.js';
import { lockingRead } from '../../platform/db/dialect.js';
import type { CaseAgentsTable, CaseRulesTable, CaseSettingsTable, CaseSlaPoliciesTable, CaseTeamsTable, CaseViewsTable } from './cases.tables.js';

type Q = Db | Trx;

export const settingsRow = (db: Q, workspaceId: string) => db.selectFrom('case_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
export const settingsByInboundHash = (db: Q, hash: string) => db.selectFrom('case_settings').selectAll().where('inbound_token_hash', '=', hash).executeTakeFirst();
export const insertSettingsIfAbsent = (db: Q, row: CaseSettingsTable) =>
  db.insertInto('case_settings').values(row).onConflict((oc) => oc.column('workspace_id').doNothing()).execute();
export const updateSettings = (db: Q, workspaceId: string, patch: Partial<CaseSettingsTable>) =>
  db.updateTable('case_settings').set(patch).where('workspace_id', '=', workspaceId).execute();

export const teams = (db: Q, workspaceId: string) => db.selectFrom('case_teams').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').orderBy('id').execute();
export const team = (db: Q, workspaceId: string, id: string, lock?: 'update') => {
  const q = db.selectFrom('case_teams').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
  return (lock ? lockingRead(q, db, lock) : q).executeTakeFirst();
};
export const insertTeam = (db: Q, row: CaseTeamsTable) => db.insertInto('case_teams').values(row).execute();
export const updateTeam = (db: Q, workspaceId: string, id: string, patch: Partial<CaseTeamsTable>) =>
  db.updateTable('case_teams').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
export const deleteTeam = (db: Q, workspaceId: string, id: string) =>
  db.deleteFrom('case_teams').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();

export const agents = (db: Q, workspaceId: string) => db.selectFrom('case_agents').selectAll().where('workspace_id', '=', workspaceId).execute();
export const agent = (db: Q, workspaceId: string, userId: string) =>
  db.selectFrom('case_agents').selectAll().where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
export const upsertAgent = (db: Q, row: CaseAgentsTable) =>
  db.insertInto('case_agents').values(row).onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doUpdateSet({
    team_id: row.team_id, languages: row.languages, skills: row.skills, capacity: row.capacity, availability: row.availability, updated_at: row.updated_at,
  })).execute();
export const touchAgentAssigned = (db: Q, workspaceId: string, userId: string, at: string) =>
  db.updateTable('case_agents').set({ last_assigned_at: at }).where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();

export const slaPolicies = (db: Q, workspaceId: string) => db.selectFrom('case_sla_policies').selectAll().where('workspace_id', '=', workspaceId).execute();
export const upsertSlaPolicy = (db: Q, row: CaseSlaPoliciesTable) =>
  db.insertInto('case_sla_policies').values(row).onConflict((oc) => oc.columns(['workspace_id', 'priority']).doUpdateSet({
    first_response_minutes: row.first_response_minutes, resolution_minutes: row.resolution_minutes, warn_percent: row.warn_percent, escalation: row.escalation, updated_at: row.updated_at,
  })).execute();

export const rules = (db: Q, workspaceId: string) => db.selectFrom('case_rules').selectAll().where('workspace_id', '=', workspaceId).orderBy('position').orderBy('id').execute();
export const rule = (db: Q, workspaceId: string, id: string) => db.selectFrom('case_rules').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
export const insertRule = (db: Q, row: CaseRulesTable) => db.insertInto('case_rules').values(row).execute();
export const updateRule = (db: Q, workspaceId: string, id: string, patch: Partial<CaseRulesTable>) =>
  db.updateTable('case_rules').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
export const deleteRule = (db: Q, workspaceId: string, id: string) =>
  db.deleteFrom('case_rules').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
export const countRuleMatches = (db: Q, id: string, n: number, at: string) =>
  db.updateTable('case_rules').set((eb) => ({ matches: eb('matches', '+', n), last_matched_at: at })).where('id', '=', id).execute();

export const views = (db: Q, workspaceId: string, userId: string) =>
  db.selectFrom('case_views').selectAll().where('workspace_id', '=', workspaceId)
    .where((eb) => eb.or([eb('user_id', '=', userId), eb('shared', '=', 1)])).orderBy('name').execute();
export const insertView = (db: Q, row: CaseViewsTable) => db.insertInto('case_views').values(row).execute();
/** Its author deletes a view; a shared one, anyone who sees it (the audit log says who). */
export const deleteView = (db: Q, workspaceId: string, id: string, userId: string) =>
  db.deleteFrom('case_views').where('workspace_id', '=', workspaceId).where('id', '=', id)
    .where((eb) => eb.or([eb('user_id', '=', userId), eb('shared', '=', 1)])).executeTakeFirst();
export const view = (db: Q, workspaceId: string, id: string) => db.selectFrom('case_views').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
