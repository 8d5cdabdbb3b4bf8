/**
 * Seeds the demo workspace: three live surveys in three languages and ~20,000 responses over
 * the last 12 months, written through the same batch path as real ingestion.
 */
import type { Deps } from '../../deps.js';
import { SYSTEM_ACTOR } from '../../platform/audit.js';
import { createWorkspaceWithOwner } from '../accounts/index.js';
import { createSurvey } from '../surveys/index.js';
import { storeBatch } from '../responses/index.js';
import type { Survey } from '@touchpoint/shared';
import { DEMO_SURVEYS } from './demo-surveys.js';
import { generateDemoResponses, type DemoResponse } from './demo-generator.js';
import { seedDemoCustomers } from './customers-demo.js';
import { seedDemoCases } from '../cases/index.js';
import { seedDemoCompetitors } from '../competitors/index.js';
import { seedDemoInitiatives } from '../initiatives/index.js';
import { seedDemoStrategy } from '../strategy/index.js';

export const DEMO_LOGIN = { email: 'demo@touchpoint.local', password: 'touchpoint-demo' };

export async function seedDemo(deps: Deps, opts: { responses?: number; seed?: number; onProgress?: (done: number, total: number) => void } = {}) {
  const total = opts.responses ?? 20_000;
  const { workspaceId, userId } = await createWorkspaceWithOwner(deps, { name: 'Demo: Lotus Mart 蓮花商城', ownerEmail: DEMO_LOGIN.email, ownerName: 'Demo Owner', password: DEMO_LOGIN.password });
  const ctx = { workspaceId, actor: SYSTEM_ACTOR };
  const surveys: Survey[] = [];
  for (const input of DEMO_SURVEYS) surveys.push(await createSurvey(deps, ctx, input, 'live'));
  // Before the answers: their analysis (in the background) has the rules judge the recent ones.
  await seedDemoCases(deps, ctx, userId);
  // Competitor records and the portfolio: the planning side of the demo (goals come after the answers).
  await seedDemoCompetitors(deps, ctx);
  await seedDemoInitiatives(deps, ctx);
  const byId = new Map(surveys.map((s) => [s.id, s]));
  const pending = new Map<string, DemoResponse[]>();
  let done = 0;
  const flush = async (surveyId: string) => {
    const items = pending.get(surveyId) ?? [];
    if (!items.length) return;
    pending.set(surveyId, []);
    await storeBatch(deps, ctx, byId.get(surveyId)!, items.map(({ surveyId: _s, ...item }) => item), 'api');
    done += items.length;
    opts.onProgress?.(done, total);
  };
  for (const item of generateDemoResponses({ surveys, count: total, seed: opts.seed ?? 42, now: new Date() })) {
    const list = pending.get(item.surveyId) ?? [];
    list.push(item);
    pending.set(item.surveyId, list);
    if (list.length >= 1000) await flush(item.surveyId);
  }
  for (const id of pending.keys()) await flush(id);
  await seedDemoCustomers(deps, ctx, { seed: opts.seed, now: new Date() });
  // After the answers and customers: the SMART goals' baselines are read from them.
  await seedDemoStrategy(deps, ctx);
  return { workspaceId, surveys: surveys.map((s) => ({ id: s.id, name: s.name, publicId: s.publicId })), responses: done };
}
