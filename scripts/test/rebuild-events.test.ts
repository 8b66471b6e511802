/** Which webhook calls can change the site (pure logic over the content model). */
import { describe, expect, it } from 'vitest';
import { collections, contentTypes, taxonomies } from '@ssc/content-schemas';
import { changesTheSite } from '../lib/rebuild-events.ts';

describe('webhook calls that can change the site', () => {
  it('counts every publish, unpublish and delete of a type the site shows, media events and bare calls', () => {
    for (const { singularName } of collections) {
      for (const event of ['entry.publish', 'entry.unpublish', 'entry.delete'])
        expect(changesTheSite({ event, model: singularName }), `${event} ${singularName}`).toBe(true);
    }
    expect(changesTheSite({ event: 'media.update' })).toBe(true);
    expect(changesTheSite({ event: 'media.delete' })).toBe(true);
    expect(changesTheSite({})).toBe(true);
  });

  it('counts a save only for the taxonomy, which has no drafts', () => {
    for (const { singularName } of taxonomies) {
      expect(changesTheSite({ event: 'entry.update', model: singularName })).toBe(true);
      expect(changesTheSite({ event: 'entry.create', model: singularName })).toBe(true);
    }
    for (const { singularName } of contentTypes) {
      expect(changesTheSite({ event: 'entry.update', model: singularName })).toBe(false);
      expect(changesTheSite({ event: 'entry.create', model: singularName })).toBe(false);
    }
  });

  it('ignores every write to records the site never shows', () => {
    for (const model of ['user', 'change', 'schedule', 'translation-record', 'enrolment']) {
      for (const event of ['entry.create', 'entry.update', 'entry.delete', 'entry.publish'])
        expect(changesTheSite({ event, model }), `${event} ${model}`).toBe(false);
    }
  });
});
