// autocannon ships no types and @types/autocannon is not installed (no new dependencies).
declare module 'autocannon';
