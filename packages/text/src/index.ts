/**
 * @touchpoint/text: one text-analytics library for every text source (survey answers, reviews,
 * chats, cases). Pure and synchronous: no network, no downloads; models live in ../model.
 */
export {};
