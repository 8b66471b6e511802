/**
 * When a match (a brokering case) may be published: its published version is the
 * public story, so only a completed case with a public outcome summary.
 */

/** The values of one translation of a match that the rule reads. */
export interface MatchPublishValues {
  state?: unknown;
  outcome?: unknown;
}

export interface MatchPublishProblem {
  field: 'state' | 'outcome';
  message: string;
}

/** Why this translation of a match may not be published, or undefined when it may. */
export function matchPublishProblem(values: MatchPublishValues): MatchPublishProblem | undefined {
  if (values.state !== 'completed') {
    return { field: 'state', message: `is "${String(values.state ?? '')}": a match is published only once its state is "completed"` };
  }
  if (typeof values.outcome !== 'string' || !values.outcome.trim()) {
    return { field: 'outcome', message: 'is empty: a completed match is published only with its public outcome summary' };
  }
  return undefined;
}
