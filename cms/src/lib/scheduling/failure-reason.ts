/**
 * Turns whatever stopped a scheduled job into one line an editor can act on (pure).
 * Strapi's validation errors carry each field's problem in `details.errors`.
 */
interface FieldProblem {
  path?: unknown;
  message?: unknown;
}

export function failureReason(error: unknown): string {
  if (!(error instanceof Error)) return `failed: ${String(error)}`;
  const details = (error as Error & { details?: { errors?: FieldProblem[] } }).details;
  const problems = (details?.errors ?? [])
    .map((p) => {
      const field = Array.isArray(p.path) ? p.path.join('.') : '';
      const message = typeof p.message === 'string' ? p.message : '';
      return field && !message.includes(field) ? `${field}: ${message}` : message;
    })
    .filter(Boolean);
  const base = error.message || error.name;
  if (!problems.length) return base;
  const unique = [...new Set(problems)];
  return unique.length === 1 && unique[0] === base ? base : `${base} (${unique.join('; ')})`;
}
