/** The surveys module's public face. */
export { surveyRoutes } from './surveys.routes.js';
export { publicSurveyRoutes } from './public.routes.js';
export { createSurvey, getSurvey, listSurveys, getPublicSurvey, setStatus } from './surveys.service.js';
