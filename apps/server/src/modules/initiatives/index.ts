/** The initiatives module's public face. */
export { initiativeRoutes } from './initiatives.routes.js';
export { seedDemoInitiatives } from './demo-initiatives.js';
