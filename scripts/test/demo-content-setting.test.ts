import { describe, expect, it } from 'vitest';
import { wantsDemoContent } from '../lib/config.ts';

describe('whether npm start seeds demo content', () => {
  it('seeds an empty database by default outside production', () => {
    expect(wantsDemoContent({})).toBe(true);
    expect(wantsDemoContent({ NODE_ENV: 'development' })).toBe(true);
  });

  it('never seeds in production unless SEED_DEMO_CONTENT=true', () => {
    expect(wantsDemoContent({ NODE_ENV: 'production' })).toBe(false);
    expect(wantsDemoContent({ NODE_ENV: 'production', SEED_DEMO_CONTENT: 'true' })).toBe(true);
  });

  it('follows SEED_DEMO_CONTENT=false everywhere', () => {
    expect(wantsDemoContent({ SEED_DEMO_CONTENT: 'false' })).toBe(false);
    expect(wantsDemoContent({ SEED_DEMO_CONTENT: 'FALSE', NODE_ENV: 'development' })).toBe(false);
  });
});
