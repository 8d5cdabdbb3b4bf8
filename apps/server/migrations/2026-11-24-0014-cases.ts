/**
 * Frozen once merged: never import application code here, never edit; add a new file instead.
 * Closed-loop cases: rules that open them, the cases with their linked answers and timeline, teams
 * with business hours, agents, SLA policies per priority, saved inbox views, per-workspace settings,
 * the Message-IDs of sent mail (for threading replies) and the re-surveys sent on closing.
 */
import { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One row per workspace: case numbers, custom statuses, resolution codes, templates, inbound secret.
  await db.schema.createTable('case_settings')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('next_number', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('statuses', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('resolution_codes', 'text', (c) => c.notNull())
    .addColumn('templates', 'text', (c) => c.notNull())
    .addColumn('resurvey_default', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('resurvey_survey_id', 'text')
    .addColumn('inbound_token_enc', 'text', (c) => c.notNull())
    .addColumn('inbound_token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createTable('case_teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('hours', 'text', (c) => c.notNull())
    .addColumn('holidays', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('assignment', 'text', (c) => c.notNull())
    .addColumn('lead_user_id', 'text')
    // Round robin: who was given the team's last case.
    .addColumn('last_assigned_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_teams_workspace').on('case_teams').columns(['workspace_id', 'name']).execute();

  await db.schema.createTable('case_agents')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text')
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('skills', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('availability', 'text', (c) => c.notNull())
    .addColumn('last_assigned_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_agents_pk', ['workspace_id', 'user_id'])
    .execute();

  await db.schema.createTable('case_sla_policies')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('first_response_minutes', 'integer', (c) => c.notNull())
    .addColumn('resolution_minutes', 'integer', (c) => c.notNull())
    .addColumn('warn_percent', 'integer', (c) => c.notNull())
    .addColumn('escalation', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_sla_policies_pk', ['workspace_id', 'priority'])
    .execute();

  await db.schema.createTable('case_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('actions', 'text', (c) => c.notNull())
    .addColumn('webhook_secret_enc', 'text')
    .addColumn('matches', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_matched_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_rules_workspace').on('case_rules').columns(['workspace_id', 'position']).execute();

  await db.schema.createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    // In the reply address and Message-IDs of the case's mail: finds the case from a reply.
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text')
    .addColumn('owner_id', 'text')
    .addColumn('customer_key', 'text', (c) => c.notNull())
    .addColumn('customer_profile_id', 'text')
    .addColumn('customer_email_enc', 'text')
    .addColumn('customer_email_hash', 'text')
    .addColumn('customer_name_enc', 'text')
    .addColumn('language', 'text')
    .addColumn('theme', 'text', (c) => c.notNull())
    // customer_key|theme while the case is open, NULL after: one open case per customer per theme.
    .addColumn('open_key', 'text')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('rule_id', 'text')
    .addColumn('source_response_id', 'text')
    // The scores of the answer that opened it (JSON), for the recovery rate.
    .addColumn('trigger_scores', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('recovered', 'integer')
    .addColumn('root_cause', 'text')
    .addColumn('resolution_code', 'text')
    .addColumn('first_response_due_at', 'text')
    .addColumn('resolution_due_at', 'text')
    .addColumn('first_responded_at', 'text')
    .addColumn('sla_first_state', 'text', (c) => c.notNull())
    .addColumn('sla_resolution_state', 'text', (c) => c.notNull())
    // Business time (ms) spent waiting on the customer, and since when it waits now.
    .addColumn('sla_paused_ms', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('waiting_since', 'text')
    // The next instant the SLA clock has something to do (a warning or a breach); NULL: nothing.
    .addColumn('sla_next_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('cases_number').on('cases').columns(['workspace_id', 'number']).unique().execute();
  await db.schema.createIndex('cases_open_key').on('cases').columns(['workspace_id', 'open_key']).unique().execute();
  await db.schema.createIndex('cases_inbox').on('cases').columns(['workspace_id', 'category', 'created_at']).execute();
  await db.schema.createIndex('cases_owner').on('cases').columns(['workspace_id', 'owner_id', 'category']).execute();
  await db.schema.createIndex('cases_customer').on('cases').columns(['workspace_id', 'customer_key']).execute();
  await db.schema.createIndex('cases_sla_next').on('cases').column('sla_next_at').execute();

  await db.schema.createTable('case_responses')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('response_id', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_responses_pk', ['case_id', 'response_id'])
    .execute();
  await db.schema.createIndex('case_responses_response').on('case_responses').columns(['workspace_id', 'response_id']).execute();

  // A response the rules have judged: a redelivered event does not open a second case.
  await db.schema.createTable('case_judged_responses')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('response_id', 'text', (c) => c.notNull())
    .addColumn('judged_at', 'text', (c) => c.notNull())
    .addColumn('cases', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_judged_responses_pk', ['workspace_id', 'response_id'])
    .execute();

  await db.schema.createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_events_case').on('case_events').columns(['case_id', 'id']).execute();

  await db.schema.createTable('case_mail_ids')
    .addColumn('message_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createTable('case_views')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('filters', 'text', (c) => c.notNull())
    .addColumn('shared', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_views_workspace').on('case_views').columns(['workspace_id', 'user_id']).execute();

  await db.schema.createTable('case_resurveys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('respondent_id', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('response_id', 'text')
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema.createIndex('case_resurveys_respondent').on('case_resurveys').columns(['workspace_id', 'survey_id', 'respondent_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['case_resurveys', 'case_views', 'case_mail_ids', 'case_events', 'case_judged_responses', 'case_responses', 'cases', 'case_rules', 'case_sla_policies', 'case_agents', 'case_teams', 'case_settings']) await db.schema.dropTable(t).execute();
}
