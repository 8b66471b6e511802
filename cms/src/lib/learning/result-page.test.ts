import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeQuiz, type GradableQuiz } from './grading';
import { quizResultPage } from './result-page';
import { RESULT_STRINGS, resultStrings } from './result-strings';
import { localeCodes } from '../model';

const quiz: GradableQuiz = {
  passMark: 50,
  maxAttempts: null,
  questions: [
    {
      prompt: 'Is <b>this</b> escaped?',
      kind: 'single',
      choices: [
        { text: '<script>alert(1)</script>', correct: false, feedback: 'Not "this" one' },
        { text: 'Yes', correct: true, feedback: 'Hidden unless picked' },
      ],
    },
  ],
};

describe("a quiz's result page", () => {
  it("is in the learner's language and direction, with every text escaped", () => {
    const html = quizResultPage({
      locale: 'ar',
      quizTitle: 'A & B',
      passMark: 50,
      grade: gradeQuiz(quiz, [[0]]),
      attemptsLeft: null,
      courseComplete: false,
      returnUrl: 'https://site.example/ar/',
    });
    expect(html).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(html).toContain('Is &lt;b&gt;this&lt;/b&gt; escaped?');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Not &quot;this&quot; one');
    expect(html).toContain('A &amp; B');
    expect(html).not.toContain('Hidden unless picked');
    expect(html).toContain(RESULT_STRINGS.ar!.failed);
  });

  it('has its words in every language the site has its UI strings in, and English for a language without them', () => {
    const siteLanguages = fs.readdirSync(new URL('../../../../site/src/i18n/', import.meta.url)).map((f) => f.replace(/\.json$/, ''));
    for (const locale of localeCodes.filter((l) => siteLanguages.includes(l))) expect(RESULT_STRINGS[locale], locale).toBeDefined();
    expect(resultStrings('xx')).toBe(RESULT_STRINGS.en);
  });
});
