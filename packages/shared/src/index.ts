export * from './contracts/i18n.js';
export * from './contracts/survey.js';
export * from './contracts/response.js';
export * from './contracts/errors.js';
export * from './contracts/roles.js';
export * from './formulas/scores.js';
export * from './formulas/compare.js';
