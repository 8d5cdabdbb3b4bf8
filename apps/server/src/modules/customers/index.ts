/** The customers module's public face (Customer 360). */
export { customerRoutes } from './customers.routes.js';
export { ingestEvents, storeEvents, parseEvents, type Transport, type IntakeResult } from './intake.service.js';
export { ImportRunner } from './imports.runner.js';
export { createImport, importChunk, getImport } from './imports.service.js';
