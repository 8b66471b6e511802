import { describe, expect, it } from 'vitest';
import { checkDueAt, checkNewSchedule, checkScheduleChange, isSchedulable } from './input';

const NOW = new Date('2026-12-01T12:00:00Z');
const valid = {
  uid: 'api::news-item.news-item',
  documentId: 'abc123',
  locale: 'fr',
  action: 'publish',
  dueAt: '2026-12-02T09:00:00+01:00',
  timeZone: 'Europe/Paris',
};

describe('what an editor sends to schedule a publish', () => {
  it('accepts a content type with drafts, a model locale, an action, a future time with its offset and a time zone', () => {
    const checked = checkNewSchedule(valid, NOW);
    expect(checked).toEqual({ ok: true, value: { ...valid, dueAt: new Date('2026-12-02T08:00:00Z') } });
  });

  it('defaults the time zone to UTC', () => {
    const checked = checkNewSchedule({ ...valid, timeZone: undefined }, NOW);
    expect(checked.ok && checked.value.timeZone).toBe('UTC');
  });

  it('refuses taxonomy (no drafts), unknown types and locales outside the model', () => {
    expect(isSchedulable('api::theme.theme')).toBe(false);
    expect(isSchedulable('api::scheduling.schedule')).toBe(false);
    expect(checkNewSchedule({ ...valid, uid: 'api::theme.theme' }, NOW)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a content type with drafts/),
    });
    expect(checkNewSchedule({ ...valid, locale: 'de' }, NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/locale "de"/) });
  });

  it('refuses an action other than publish or unpublish, and a missing document id', () => {
    expect(checkNewSchedule({ ...valid, action: 'delete' }, NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/action/) });
    expect(checkNewSchedule({ ...valid, documentId: '' }, NOW)).toMatchObject({ ok: false, error: 'documentId is required' });
  });

  it('refuses a time without an offset (ambiguous), a time that does not exist, and a time in the past or now', () => {
    expect(checkDueAt('2026-12-02T09:00:00', NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/offset/) });
    expect(checkDueAt('2026-12-01T12:00:00Z', NOW)).toEqual({ ok: false, error: 'dueAt must be in the future' });
    expect(checkDueAt('2026-12-01T11:59:59Z', NOW)).toEqual({ ok: false, error: 'dueAt must be in the future' });
    expect(checkDueAt('2026-12-01T12:00:01Z', NOW).ok).toBe(true);
  });

  it('refuses a time zone the runtime does not know', () => {
    expect(checkNewSchedule({ ...valid, timeZone: 'Mars/Olympus' }, NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/not a time zone/) });
  });
});

describe('a change to a pending schedule', () => {
  it('takes any of action, time and time zone', () => {
    expect(checkScheduleChange({ action: 'unpublish' }, NOW)).toEqual({ ok: true, value: { action: 'unpublish' } });
    expect(checkScheduleChange({ dueAt: '2027-01-01T00:00:00Z', timeZone: 'Asia/Shanghai' }, NOW)).toEqual({
      ok: true,
      value: { dueAt: new Date('2027-01-01T00:00:00Z'), timeZone: 'Asia/Shanghai' },
    });
  });

  it('refuses an empty change and a time in the past', () => {
    expect(checkScheduleChange({}, NOW)).toEqual({ ok: false, error: 'give action, dueAt or timeZone' });
    expect(checkScheduleChange({ dueAt: '2020-01-01T00:00:00Z' }, NOW)).toEqual({ ok: false, error: 'dueAt must be in the future' });
  });
});
