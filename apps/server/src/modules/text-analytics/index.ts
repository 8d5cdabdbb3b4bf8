/** The text-analytics module's public face. */
export { textRoutes } from './text.routes.js';
export { TextWorker, type TextWorkerOptions } from './text.worker.js';
export { MODEL_VERSION, analyzeChunk } from './analyze.service.js';
export { analysesForCases } from './analyses.repo.js';
export { loadTaxonomy, themeName, type LoadedTaxonomy } from './taxonomy.service.js';
export { themeSentimentSums, type SentimentSums, type ThemeSentimentSums } from './theme-summary.repo.js';
