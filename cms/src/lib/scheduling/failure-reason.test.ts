import { describe, expect, it } from 'vitest';
import { errors } from '@strapi/utils';
import { failureReason } from './failure-reason';
import { pollIntervalMs, schedulerEnabled } from './settings';

describe('the reason a failed schedule gives', () => {
  it("is the error's message", () => {
    expect(failureReason(new Error('the entry no longer exists'))).toBe('the entry no longer exists');
  });

  it("names each field of Strapi's validation error", () => {
    const error = new errors.ValidationError('2 errors occurred', {
      errors: [
        { path: ['title'], message: 'title must be defined.', name: 'ValidationError', value: null },
        { path: ['heroImage', 'alt'], message: 'must be at most 250 characters', name: 'ValidationError', value: 'x' },
      ],
    });
    expect(failureReason(error)).toBe('2 errors occurred (title must be defined.; heroImage.alt: must be at most 250 characters)');
  });

  it('is not repeated when the only problem is the message itself', () => {
    const error = new errors.ValidationError('title must be defined.', {
      errors: [{ path: ['title'], message: 'title must be defined.', name: 'ValidationError', value: null }],
    });
    expect(failureReason(error)).toBe('title must be defined.');
  });
});

describe('the scheduler settings', () => {
  it('polls every 5 s unless SCHEDULER_POLL_SECONDS says otherwise, within 1 to 300 s', () => {
    expect(pollIntervalMs({})).toBe(5000);
    expect(pollIntervalMs({ SCHEDULER_POLL_SECONDS: '1.5' })).toBe(1500);
    expect(() => pollIntervalMs({ SCHEDULER_POLL_SECONDS: '0' })).toThrow(/1 to 300/);
    expect(() => pollIntervalMs({ SCHEDULER_POLL_SECONDS: 'often' })).toThrow(/1 to 300/);
  });

  it('runs schedules unless SCHEDULER_ENABLED is false', () => {
    expect(schedulerEnabled({})).toBe(true);
    expect(schedulerEnabled({ SCHEDULER_ENABLED: 'false' })).toBe(false);
  });
});
