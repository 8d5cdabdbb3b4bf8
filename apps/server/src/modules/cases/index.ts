/** The cases module's public face. */
export { caseRoutes } from './cases.routes.js';
export { caseSetupRoutes } from './setup.routes.js';
export { CasesWorker, type CasesWorkerOptions } from './cases.worker.js';

/** Every encrypted column of this module, for key rotation. */
export const CASE_ENCRYPTED_COLUMNS = [
  { table: 'case_settings', id: 'workspace_id', columns: ['inbound_token_enc'] },
  { table: 'case_rules', id: 'id', columns: ['webhook_secret_enc'] },
  { table: 'cases', id: 'id', columns: ['customer_email_enc', 'customer_name_enc'] },
] as const;
export { seedDemoCases } from './demo-cases.js';
export { erasePersonCases, personCasesForExport } from './privacy.js';
export { loopMetrics } from './loop-metrics.service.js';
