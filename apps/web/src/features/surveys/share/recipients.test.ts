import { describe, expect, it } from 'vitest';
import { parseRecipients } from './recipients';

describe('parseRecipients', () => {
  it('reads email, name and language, skipping blanks and duplicates', () => {
    const r = parseRecipients('a@x.io\n\n  陳小明 <bad>\nb@x.io, 陳小明, zh-Hant\nA@x.io\nc@x.io;Chen;zh_TW');
    expect(r.recipients).toEqual([{ email: 'a@x.io' }, { email: 'b@x.io', name: '陳小明', language: 'zh-Hant' }]);
    expect(r.invalid.map((x) => x.line)).toEqual([3, 6]);
  });
});
