import { describe, expect, it } from 'vitest';
import {
  CLOSING_TYPES,
  DEMAND_STATES,
  getCollection,
  isClosedDemand,
  isExpired,
  isListed,
  isOpenOn,
  isStale,
  lastOpenDay,
  OPEN_DEMAND_STATES,
  OPEN_RULE_FIELDS,
} from '../src/index.ts';

describe('when an exchange record is open', () => {
  const today = '2026-06-01';

  it('keeps a demand open while it is open or in discussion, and closes it for good once met or closed', () => {
    expect(isOpenOn({ type: 'demand', state: 'open' }, today)).toBe(true);
    expect(isOpenOn({ type: 'demand', state: 'in-discussion' }, '9999-12-31')).toBe(true);
    expect(isOpenOn({ type: 'demand', state: 'met' }, today)).toBe(false);
    expect(isOpenOn({ type: 'demand', state: 'closed' }, '1970-01-01')).toBe(false);
    expect(isClosedDemand({ type: 'demand', state: 'met' })).toBe(true);
    expect(isClosedDemand({ type: 'demand', state: 'in-discussion' })).toBe(false);
  });

  it('keeps an offer open up to and including its validUntil day, and for ever without one', () => {
    expect(isOpenOn({ type: 'offer', validUntil: '2026-06-01' }, today)).toBe(true);
    expect(isOpenOn({ type: 'offer', validUntil: '2026-05-31' }, today)).toBe(false);
    expect(isExpired({ type: 'offer', validUntil: '2026-05-31' }, today)).toBe(true);
    expect(isOpenOn({ type: 'offer', validUntil: null }, today)).toBe(true);
    expect(isOpenOn({ type: 'offer' }, today)).toBe(true);
    expect(lastOpenDay({ type: 'offer', validUntil: '2030-12-31' })).toBe('2030-12-31');
  });

  it('says nothing of the types that do not close, and lists them', () => {
    for (const type of ['solution', 'match', 'news']) {
      expect(lastOpenDay({ type, state: 'completed' })).toBeUndefined();
      expect(isOpenOn({ type }, today)).toBeUndefined();
      expect(isListed({ type }, today)).toBe(true);
    }
    expect(isListed({ type: 'demand', state: 'closed' }, today)).toBe(false);
    expect(isListed({ type: 'offer', validUntil: '2026-05-31' }, today)).toBe(false);
  });

  it('reads fields the model has, public ones, and open demand states of its enum', () => {
    expect([...CLOSING_TYPES].sort()).toEqual(['demand', 'offer']);
    for (const [type, field] of Object.entries(OPEN_RULE_FIELDS)) {
      const definition = getCollection(type).fields[field];
      expect(definition, `${type}.${field}`).toBeDefined();
      expect(definition.private ?? false, `${type}.${field}`).toBe(false);
    }
    for (const state of OPEN_DEMAND_STATES) expect(DEMAND_STATES).toContain(state);
  });

  it('calls a record stale only once it is older than the stale age', () => {
    expect(isStale('2025-06-01', '2026-06-01')).toBe(false);
    expect(isStale('2025-06-01', '2026-06-02')).toBe(true);
    expect(isStale('2026-05-01', '2026-06-01', 30)).toBe(true);
  });
});
