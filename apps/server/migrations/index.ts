/** The ordered list of migrations. Names sort by date; files are frozen once merged. */
import type { Migration } from 'kysely';
import * as m0001 from './2026-11-23-0001-platform-and-surveys.js';
import * as m0002 from './2026-11-23-0002-metric-cube.js';
import * as m0003 from './2026-11-23-0003-dashboards-targets.js';
import * as m0004 from './2026-11-23-0004-alerts.js';
import * as m0005 from './2026-11-23-0005-metric-recount.js';
import * as m0006 from './2026-11-23-0006-text-analytics.js';
import * as m0007 from './2026-11-23-0007-sentiment-cube.js';
import * as m0008 from './2026-11-23-0008-theme-names.js';
import * as m0009 from './2026-11-23-0009-customers.js';
import * as m0010 from './2026-11-23-0010-customer-segments.js';
import * as m0011 from './2026-11-23-0011-customer-transports.js';
import * as m0012 from './2026-11-23-0012-customer-event-times.js';
import * as m0013 from './2026-11-23-0013-customer-intake-queue.js';
import * as m0014 from './2026-11-24-0014-cases.js';
import * as m0015 from './2026-11-24-0015-competitors.js';
import * as m0016 from './2026-11-24-0016-initiatives.js';
import * as m0017 from './2026-11-24-0017-strategy.js';

export const migrations: Record<string, Migration> = {
  '2026-11-23-0001-platform-and-surveys': m0001,
  '2026-11-23-0002-metric-cube': m0002,
  '2026-11-23-0003-dashboards-targets': m0003,
  '2026-11-23-0004-alerts': m0004,
  '2026-11-23-0005-metric-recount': m0005,
  '2026-11-23-0006-text-analytics': m0006,
  '2026-11-23-0007-sentiment-cube': m0007,
  '2026-11-23-0008-theme-names': m0008,
  '2026-11-23-0009-customers': m0009,
  '2026-11-23-0010-customer-segments': m0010,
  '2026-11-23-0011-customer-transports': m0011,
  '2026-11-23-0012-customer-event-times': m0012,
  '2026-11-23-0013-customer-intake-queue': m0013,
  '2026-11-24-0014-cases': m0014,
  '2026-11-24-0015-competitors': m0015,
  '2026-11-24-0016-initiatives': m0016,
  '2026-11-24-0017-strategy': m0017,
};
