/** The whole database, composed from each module's table types. */
import type { Kysely, Transaction } from 'kysely';
import type { PlatformTables } from './platform/db/platform.tables.js';
import type { AccountsTables } from './modules/accounts/accounts.tables.js';
import type { SurveysTables } from './modules/surveys/surveys.tables.js';
import type { ResponsesTables } from './modules/responses/responses.tables.js';
import type { MetricsTables } from './modules/metrics/metrics.tables.js';
import type { DashboardsTables } from './modules/dashboards/dashboards.tables.js';
import type { AlertsTables } from './modules/alerts/alerts.tables.js';
import type { TextTables } from './modules/text-analytics/text.tables.js';
import type { CustomersTables } from './modules/customers/customers.tables.js';
import type { CasesTables } from './modules/cases/cases.tables.js';
import type { CompetitorsTables } from './modules/competitors/competitors.tables.js';
import type { InitiativesTables } from './modules/initiatives/initiatives.tables.js';
import type { StrategyTables } from './modules/strategy/strategy.tables.js';

export interface DB extends PlatformTables, AccountsTables, SurveysTables, ResponsesTables, MetricsTables, DashboardsTables, AlertsTables, TextTables, CustomersTables, CasesTables,
  CompetitorsTables, InitiativesTables, StrategyTables {}
export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
