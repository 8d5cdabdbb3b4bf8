import { describe, expect, it } from 'vitest';
import { actualWindows } from './actual-change.js';

describe('actualWindows', () => {
  it('compares [launch, today] with the equally long stretch just before launch', () => {
    expect(actualWindows('2026-03-01', '2026-03-10')).toEqual({ after: { from: '2026-03-01', to: '2026-03-10' }, baseline: { from: '2026-02-19', to: '2026-02-28' } });
  });
  it('uses one day on each side on launch day, and nothing before launch', () => {
    expect(actualWindows('2026-01-01', '2026-01-01')).toEqual({ after: { from: '2026-01-01', to: '2026-01-01' }, baseline: { from: '2025-12-31', to: '2025-12-31' } });
    expect(actualWindows('2026-01-02', '2026-01-01')).toBeNull();
  });
});
