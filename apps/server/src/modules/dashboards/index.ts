/** The dashboards module's public face. */
export { dashboardRoutes } from './dashboards.routes.js';
