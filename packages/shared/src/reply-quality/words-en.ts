/** English word lists for the reply checks (see reply-words.ts for how entries match). */
import type { ReplyWordLists } from './reply-words.js';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
// "may" is left out: as a month it is rarer than the verb.
const MONTHS = ['january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export const EN_WORDS: ReplyWordLists = {
  jargon: [
    'ticket', 'tickets', 'ticketing', 'sla', 'slas', 'rma', 'backend', 'back-end', 'back end', 'as per', 'per our policy',
    'per policy', 'per company policy', 'escalate to l2', 'escalated to l2', 'l1', 'l2', 'l3', 'tier 1', 'tier 2', 'tier 3',
    'kindly revert', 'revert back', 'do the needful', 'eta', 'kb article', 'crm', 'p1', 'p2', 'hotfix', 'root cause',
    'dev team', 'ops team', 'out of scope', 'noted with thanks', 'sop',
  ],
  connectives: [
    'first', 'firstly', 'second', 'secondly', 'then', 'next', 'after that', 'afterwards', 'because', 'since', 'so that',
    'so you', 'so we', 'so i', 'also', 'in addition', 'additionally', 'however', 'but', 'although', 'though', 'therefore',
    'as a result', 'finally', 'lastly', 'meanwhile', 'in the meantime', 'once', 'for example', 'for instance',
    'otherwise', 'instead', 'that way', 'this means',
  ],
  nextSteps: [
    'we will', "we'll", 'i will', "i'll", 'we are going to', "we're going to", 'i am going to', "i'm going to",
    'it will', "it'll", 'they will', "they'll", 'you will', "you'll", 'will be', 'expected to', 'scheduled to',
    'is due', 'are due', 'will arrive', 'should arrive', 'next step', 'next steps', 'please reply',
    'please let me know', 'please let us know', 'please send', 'please confirm', 'please click', 'please try',
    'please check', 'please go to', 'please open', 'please call', 'please contact', 'you can', 'follow up',
    'get back to you', 'reach out to you', 'is on its way', 'has been sent', 'has been issued',
    'has been refunded', 'have refunded', 'have sent', 'have issued',
  ],
  specifics: [
    ...WEEKDAYS, ...MONTHS, 'today', 'tomorrow', 'tonight', 'this morning', 'this afternoon', 'this evening',
    'end of day', 'this week', 'next week', 'hour', 'hours', 'minute', 'minutes', 'business day', 'business days',
    'working day', 'working days', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve',
    'twenty-four', 'forty-eight',
  ],
  fillers: [
    'just', 'basically', 'actually', 'literally', 'at this point in time', 'in order to', 'please be advised',
    'kindly note', 'i would like to take this opportunity', 'due to the fact that', 'for all intents and purposes',
    'it should be noted that', 'it is important to note that', 'needless to say', 'as a matter of fact',
    'please do not hesitate to', "please don't hesitate to", 'in the event that', 'with regard to', 'with regards to',
    'at the end of the day',
  ],
  fillerExempt: ['have just', 'has just', 'had just', "i've just", "we've just", 'just now', 'just in time', 'just in case'],
  empathy: [
    'sorry', 'apologise', 'apologize', 'apologised', 'apologized', 'apologies', 'apology', 'understand',
    'understandable', 'thank you', 'thanks', 'appreciate', 'appreciated', 'frustrating', 'frustrated', 'frustration',
    'inconvenience', 'i can imagine', 'i hear you', 'your patience',
  ],
  empathyExempt: [
    "don't understand", 'do not understand', "didn't understand", 'did not understand', 'please understand',
    'not sorry', 'no thanks', 'no thank you',
  ],
  negative: [
    "can't", 'cannot', 'can not', 'unable to', 'unfortunately', "won't", 'will not', 'no way', 'not possible',
    'impossible', 'not allowed', 'policy does not allow', "policy doesn't allow", 'refuse', 'refused', 'denied',
    'nothing we can do', 'not our responsibility', 'not our problem', 'out of our hands', 'we regret',
  ],
  blame: [
    'your fault', 'you failed to', 'you should have', 'you must have', 'you forgot to', "you didn't read",
    'you did not read', 'as i already said', 'as i said before', 'as previously stated', 'obviously', 'clearly you',
  ],
  negativeExempt: [
    "can't wait", "can't thank you enough", 'cannot thank you enough', "won't be charged", 'will not be charged',
    "won't need to", 'will not need to', "won't have to", 'will not have to', "won't happen again",
    'will not happen again', "won't take long", 'will not take long',
  ],
  conditionals: ['if', 'in case', 'should you', 'unless'],
};

/**
 * Abbreviations whose full stop does not end a sentence (lower case, without their dots), so
 * "e.g. the app" or "Dr. Lee" stays one sentence.
 */
export const EN_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'eg', 'ie', 'etc', 'mr', 'mrs', 'ms', 'dr', 'no', 'vs', 'approx', 'st', 'jr', 'sr', 'inc', 'ltd', 'co', 'ext', 'tel', 'fig',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'am', 'pm',
]);

/** Upper-case words that are names of things, not shouting (four letters or more matter). */
export const EN_ACRONYMS: ReadonlySet<string> = new Set([
  'ASAP', 'HTTP', 'HTTPS', 'HTML', 'JSON', 'IBAN', 'SWIFT', 'IMEI', 'ISBN', 'GDPR', 'NASDAQ', 'NYSE', 'UEFA', 'NATO',
  'FIFA', 'AMEX', 'VISA', 'USB', 'PDF', 'CSV', 'FAQ', 'OTP', 'PIN', 'ATM', 'VIP', 'SIM', 'VPN', 'UTC', 'GMT', 'SMS',
  'URL', 'API', 'ID', 'OK', 'TV', 'PC', 'IT', 'HR', 'US', 'UK', 'EU', 'HK', 'TW', 'CN', 'AM', 'PM',
  // products and brands customers know in capitals
  'WIFI', 'LINE', 'IKEA', 'ASUS', 'ACER', 'SONY', 'LEGO', 'NIKE', 'UNIQLO', 'DHL', 'UPS', 'FEDEX', 'MTR',
]);

/** Words that are correct twice in a row ("that that", "had had"). */
export const EN_DOUBLE_OK: ReadonlySet<string> = new Set(['that', 'had', 'bye', 'ha', 'haha', 'no']);
