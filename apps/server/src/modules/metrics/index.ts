/** The metrics module's public face. */
export { CubeDelta, UPSERT_CELL_SQL, cellParams, type CubeSettings, type CubeSource } from './cube.js';
export { cubeSettings, cubeUpserts, forgetSurvey, recordResponseChanges } from './cube-maintenance.js';
export { recordAnalysisChanges } from './sentiment-cube.js';
export { metricsRoutes } from './metrics.routes.js';
export { metricsConfigRoutes } from './config.routes.js';
export { queryMetrics, type MetricsQuery } from './metrics.service.js';
export { addDays, localDay, startOfLocalDay } from '../../platform/time/local-day.js';
export { getMetricSettings, recountNow, updateMetricSettings } from './settings.service.js';
export { MetricsRecounter, type MetricsRecounterOptions } from './recount.runner.js';
export { DEFAULT_CHUNK_ROWS, runRecount } from './recount.service.js';
export { MetricSettingsBody, dashboardQuery, splitMeta } from './metrics.routes.js';
