import { describe, expect, it } from 'vitest';
import { formatInZone, fromDateTimeLocalValue, toDateTimeLocalValue } from './time';

describe('due times as editors see and enter them', () => {
  it('shows an instant in the time zone it was set in, naming the zone and its offset', () => {
    expect(formatInZone('2026-12-02T08:00:00Z', 'Europe/Paris')).toBe('2 Dec 2026, 09:00:00 Europe/Paris (GMT+1)');
    expect(formatInZone('2026-12-02T08:00:00Z', 'Asia/Shanghai')).toBe('2 Dec 2026, 16:00:00 Asia/Shanghai (GMT+8)');
    expect(formatInZone('2026-07-02T08:00:00Z', 'Europe/Paris')).toBe('2 Jul 2026, 10:00:00 Europe/Paris (GMT+2)');
  });

  it('reads a datetime-local value in the local time zone and writes it back unchanged', () => {
    const iso = fromDateTimeLocalValue('2026-12-02T09:00:30');
    expect(iso).toBe(new Date(2026, 11, 2, 9, 0, 30).toISOString());
    expect(toDateTimeLocalValue(new Date(iso!))).toBe('2026-12-02T09:00:30');
  });

  it('gives null for an empty or malformed value', () => {
    expect(fromDateTimeLocalValue('')).toBeNull();
    expect(fromDateTimeLocalValue('tomorrow')).toBeNull();
  });
});
