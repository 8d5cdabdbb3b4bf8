import { z } from 'zod';

/** The one error shape every endpoint returns. details holds field paths for validation errors. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export interface FieldIssue {
  path: string;
  message: string;
}
