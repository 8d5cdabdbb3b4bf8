/**
 * Collects every route the server registers, with its config, through an onRoute hook added
 * right after the Fastify instance is built and before any module registers a route.
 * Use from a test file with:
 *   vi.mock('../src/platform/http/app.js', () => import('./route-capture.js'));
 */
import { vi } from 'vitest';
import type { RouteOptions } from 'fastify';
import type * as AppModule from '../src/platform/http/app.js';

export const capturedRoutes: RouteOptions[] = [];

const actual = await vi.importActual<typeof AppModule>('../src/platform/http/app.js');

export const createHttpApp: typeof actual.createHttpApp = async (...args) => {
  const app = await actual.createHttpApp(...args);
  app.addHook('onRoute', (route) => { capturedRoutes.push(route); });
  return app;
};
