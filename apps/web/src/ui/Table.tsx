import type { ReactNode } from 'react';

/** A styled, horizontally scrollable table; callers write thead/tbody themselves. */
export function Table({ children, testId, caption }: { children: ReactNode; testId?: string; caption?: string }) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        {caption && <caption className="sr-only">{caption}</caption>}
        {children}
      </table>
    </div>
  );
}
