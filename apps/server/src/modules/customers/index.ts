/** The customers module's public face (Customer 360). */
export { customerRoutes } from './customers.routes.js';
export { ingestEvents, storeEvents, parseEvents, type Transport, type IntakeResult } from './intake.service.js';
export { ImportRunner } from './imports.runner.js';
export { IntakeDrainer, type IntakeDrainerOptions } from './intake-drainer.js';
export { createImport, importChunk, getImport, runningImportOf } from './imports.service.js';

/** Every encrypted column of this module, for key rotation. */
export const CUSTOMER_ENCRYPTED_COLUMNS = [
  { table: 'customers', id: 'id', columns: ['name_enc'] },
  { table: 'customer_identifiers', id: 'id', columns: ['value_enc'] },
  { table: 'customer_intake_queue', id: 'id', columns: ['events'] },
] as const;
export { exportPerson, erasePerson } from './privacy.service.js';
export { refusesContact } from './consent.service.js';
export { traitOfResponses, responsesInSegment, type TraitCache, type ResponseOfPerson } from './response-traits.js';
export { segmentRoutes } from './segments.routes.js';
export { SegmentWorker, type SegmentWorkerOptions } from './segments.worker.js';
export { customerKpiRoutes, announceCustomerEvents } from './kpis.routes.js';
export { createSegment } from './segments.service.js';
export { CustomerTransports } from './transports/transports.runner.js';
export { customerTransportRoutes } from './transports/transports.routes.js';
export { customerKpis } from './kpis.service.js';
export { listSegments } from './segments.service.js';
