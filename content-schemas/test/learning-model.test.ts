import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { entrySchema, partnerApiOpenApi, staticApiJsonSchemas, subPagesPath, getCollection, validateEntry, type SnapshotEntry } from '../src/index.ts';

const fixtureCourse = () => {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../site/test/fixtures/snapshot/entries/course.en.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as SnapshotEntry<'course'>[])[0]!;
};

function quiz(): Record<string, unknown> {
  return {
    type: 'quiz',
    documentId: 'q1',
    locale: 'fr',
    publishedAt: '2024-01-02T03:04:05.000Z',
    updatedAt: '2024-01-02T03:04:05.000Z',
    translations: ['fr'],
    slug: 'rice-quiz',
    title: 'Quiz',
    questions: [{ prompt: 'Vrai ?', kind: 'true-false', choices: [{ text: 'Vrai' }, { text: 'Faux' }] }],
    passMark: 70,
    maxAttempts: null,
  };
}

describe('quizzes and lessons in the snapshot', () => {
  it('validate a quiz without its answers, and drop answers that reach the snapshot anyway', () => {
    const withAnswers = quiz();
    (withAnswers.questions as { choices: Record<string, unknown>[] }[])[0]!.choices[0] = { text: 'Vrai', correct: true, feedback: 'Exact' };
    const result = validateEntry('quiz', withAnswers);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(JSON.stringify(result.entry)).not.toMatch(/correct|feedback|Exact/);
  });

  it('leave private fields out of the snapshot validators, the static API and the partner API', () => {
    const choice = JSON.stringify(entrySchema('quiz').shape.questions);
    expect(choice).not.toMatch(/"correct"|"feedback"/);
    expect(JSON.stringify(staticApiJsonSchemas())).not.toMatch(/"correct"|"feedback"|"quiz-page"/);
    const openapi = JSON.stringify(partnerApiOpenApi());
    expect(openapi).not.toMatch(/"correct"|"feedback"/);
  });

  it("refuse a course whose lessons share a slug, naming the second lesson's field", () => {
    const course = structuredClone(fixtureCourse());
    expect(validateEntry('course', course).ok).toBe(true);
    const lessons = course.modules.flatMap((m) => m.lessons);
    lessons[lessons.length - 1]!.slug = lessons[0]!.slug;
    const result = validateEntry('course', course);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.field).toMatch(/^modules\.\d+\.lessons\.\d+\.slug$/);
    expect(result.problems[0]!.message).toContain(lessons[0]!.slug);
  });

  it("find a course's lesson pages from the model", () => {
    expect(subPagesPath(getCollection('course'))).toBe('modules.*.lessons.*');
    expect(subPagesPath(getCollection('news'))).toBeUndefined();
  });
});
