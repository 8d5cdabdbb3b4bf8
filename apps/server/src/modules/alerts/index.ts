/** The alerts module's public face. */
export { alertRoutes } from './alerts.routes.js';
export { AlertsWorker, type AlertsWorkerOptions } from './alerts.worker.js';
export { deliverDue } from './delivery.service.js';
export { ENCRYPTED_COLUMNS as ALERT_ENCRYPTED_COLUMNS } from './rules.service.js';
// Case rules notify through the same checked, signed webhook delivery (modules/cases).
export { webhookUrlProblem } from './webhook-address.js';
export { sendWebhook, WebhookRefused } from './webhook-send.js';
export { signWebhook } from './alert-message.js';
