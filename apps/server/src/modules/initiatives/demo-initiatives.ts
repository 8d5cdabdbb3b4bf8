/**
 * The demo workspace's portfolio: the six innovation areas and the Shopee example, with
 * omnichannel integration launched about 60 days ago expecting CSAT +5 points, so its page shows
 * the actual change (the demo has CSAT answers over the past year) beside the expected one.
 */
import type { Deps } from '../../deps.js';
import { addDays } from '../metrics/index.js';
import { workspaceToday } from '../strategy/index.js';
import { insertInitiatives, type Ctx } from './initiatives.service.js';
import { innovationAreaInputs } from './templates.js';
import { createShopeeExample } from './templates.service.js';

export async function seedDemoInitiatives(deps: Deps, ctx: Ctx): Promise<void> {
  const today = await workspaceToday(deps, ctx.workspaceId);
  const launched = addDays(today, -60);
  const inputs = innovationAreaInputs('en').map((input) => (input.area === 'omnichannel'
    ? { ...input, status: 'launched' as const, launchDate: launched, expectedChange: { metric: 'csat' as const, segmentId: null, change: 5, by: addDays(launched, 180) } }
    : input.area === 'data_driven_marketing' ? { ...input, status: 'in_progress' as const } : input));
  await insertInitiatives(deps, ctx, inputs.map((input) => ({ input })), 'initiative.created_from_template');
  await createShopeeExample(deps, ctx, 'en');
}
