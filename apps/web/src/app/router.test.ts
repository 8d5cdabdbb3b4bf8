import { describe, expect, it } from 'vitest';
import { matchPath } from './router';

describe('matchPath', () => {
  it('extracts params', () => {
    expect(matchPath('/w/:wid/surveys/:sid/edit', '/w/a1/surveys/b2/edit')).toEqual({ wid: 'a1', sid: 'b2' });
  });
  it('ignores a trailing slash', () => {
    expect(matchPath('/w/:wid/surveys', '/w/x/surveys/')).toEqual({ wid: 'x' });
  });
  it('does not match different lengths or literals', () => {
    expect(matchPath('/w/:wid', '/w/x/surveys')).toBeNull();
    expect(matchPath('/w/:wid/surveys/new', '/w/x/surveys/abc')).toBeNull();
  });
  it('decodes params and rejects malformed encoding', () => {
    expect(matchPath('/invite/:token', '/invite/inv_a%2Fb')).toEqual({ token: 'inv_a/b' });
    expect(matchPath('/invite/:token', '/invite/%E0%A4%A')).toBeNull();
  });
});
