/** The metrics module's public face. */
export { CubeDelta, UPSERT_CELL_SQL, cellParams, type CubeSettings, type CubeSource } from './cube.js';
export { cubeSettings, cubeUpserts, forgetSurvey, recordResponseChanges } from './cube-maintenance.js';
export { metricsRoutes } from './metrics.routes.js';
export { metricsConfigRoutes } from './config.routes.js';
export { queryMetrics, type MetricsQuery } from './metrics.service.js';
export { getMetricSettings } from './settings.service.js';
export { localDay } from './local-day.js';
export { updateMetricSettings } from './settings.service.js';
export { MetricSettingsBody } from './metrics.routes.js';
