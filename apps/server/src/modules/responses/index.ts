/** The responses module's public face. */
export { responseRoutes } from './responses.routes.js';
export { publicResponseRoutes } from './public.routes.js';
export { submitBatch, storeBatch } from './batch.service.js';
export { parseCsv, rowsToResponses } from './csv-import.js';
export { allResponses, csvHeader, csvRow } from './browse.service.js';
export { ENCRYPTED_COLUMNS } from './respondents.js';
export { WRITER_COMPILERS } from './batch-body.compile.js';
export { responsesForTextAfter, responsesForTextByIds, countResponsesAfter, responsesOfPerson, latestScoreOfPerson, responsePeople, respondentEmailHashes, responsesForCases, responsesForCasesBetween, respondentContacts, type CaseSourceRow, type TextSourceRow, type PersonKeys, type PersonResponseRow } from './responses.repo.js';
export { normaliseEmail } from './respondents.js';
export { erasePersonResponses, personResponsesForExport } from './erase.service.js';
export { sendSurveyInvites, type InviteOptions } from './survey-invites.service.js';
