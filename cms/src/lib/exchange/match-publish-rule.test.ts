import { describe, expect, it } from 'vitest';
import { matchPublishProblem } from './match-publish-rule';

describe('when a match may be published', () => {
  it('only once completed, naming the state otherwise', () => {
    for (const state of ['proposed', 'introduced', 'agreed', 'under-way', 'declined', undefined]) {
      expect(matchPublishProblem({ state, outcome: 'Done.' })?.field, String(state)).toBe('state');
    }
  });

  it('only with an outcome that says something', () => {
    for (const outcome of [undefined, null, '', '  \n ']) expect(matchPublishProblem({ state: 'completed', outcome })?.field).toBe('outcome');
    expect(matchPublishProblem({ state: 'completed', outcome: 'Twelve officers trained.' })).toBeUndefined();
  });
});
