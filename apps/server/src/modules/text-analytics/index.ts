/** The text-analytics module's public face. */
export { textRoutes } from './text.routes.js';
export { TextWorker, type TextWorkerOptions } from './text.worker.js';
export { MODEL_VERSION, analyzeChunk } from './analyze.service.js';
export { analysesForCases } from './analyses.repo.js';
