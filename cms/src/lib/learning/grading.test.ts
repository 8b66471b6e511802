import { describe, expect, it } from 'vitest';
import { answersFrom, gradeQuiz, mayAttempt, type GradableQuiz } from './grading';

const quiz: GradableQuiz = {
  passMark: 70,
  maxAttempts: 2,
  questions: [
    {
      prompt: 'Single',
      kind: 'single',
      choices: [
        { text: 'A', correct: false, feedback: 'Not A' },
        { text: 'B', correct: true, feedback: 'Yes, B' },
        { text: 'C', correct: false, feedback: null },
      ],
    },
    {
      prompt: 'Multiple',
      kind: 'multiple',
      choices: [
        { text: 'X', correct: true, feedback: 'X is one' },
        { text: 'Y', correct: true, feedback: 'Y too' },
        { text: 'Z', correct: false, feedback: 'Not Z' },
      ],
    },
    {
      prompt: 'True or false',
      kind: 'true-false',
      choices: [
        { text: 'True', correct: false, feedback: 'It is false' },
        { text: 'False', correct: true, feedback: 'Right' },
      ],
    },
  ],
};

describe('grading a quiz on the server', () => {
  it('scores every question right as 100 % and passes', () => {
    const grade = gradeQuiz(quiz, [[1], [0, 1], [1]]);
    expect(grade.score).toBe(100);
    expect(grade.passed).toBe(true);
    expect(grade.questions.map((q) => q.right)).toEqual([true, true, true]);
  });

  it('wants every correct choice of a multiple-choice question and no wrong one', () => {
    expect(gradeQuiz(quiz, [[1], [0], [1]]).questions[1]!.right).toBe(false);
    expect(gradeQuiz(quiz, [[1], [0, 1, 2], [1]]).questions[1]!.right).toBe(false);
    expect(gradeQuiz(quiz, [[1], [1, 0, 1], [1]]).questions[1]!.right).toBe(true);
  });

  it('takes one pick only for single choice and true/false', () => {
    expect(gradeQuiz(quiz, [[1, 0], [0, 1], [1]]).questions[0]!.right).toBe(false);
    expect(gradeQuiz(quiz, [[1], [0, 1], [0, 1]]).questions[2]!.right).toBe(false);
  });

  it('fails below the pass mark and passes at it (two of three is 67 %, under 70 %)', () => {
    const grade = gradeQuiz(quiz, [[1], [0, 1], [0]]);
    expect(grade.score).toBe(67);
    expect(grade.passed).toBe(false);
    expect(gradeQuiz({ ...quiz, passMark: 67 }, [[1], [0, 1], [0]]).passed).toBe(true);
    expect(gradeQuiz(quiz, []).score).toBe(0);
  });

  it('gives the feedback of the picked choices only, never says which unpicked choice was right', () => {
    const grade = gradeQuiz(quiz, [[0], [2], [0]]);
    expect(grade.questions[0]!.picked).toEqual([{ text: 'A', feedback: 'Not A' }]);
    expect(JSON.stringify(grade)).not.toMatch(/Yes, B|X is one|Y too|"Right"|correct/);
  });

  it('ignores picks that are not choices of the question', () => {
    expect(gradeQuiz(quiz, [[1, 7, -1, 1.5], [0, 1], [1]]).questions[0]!.right).toBe(true);
  });

  it('limits attempts to maxAttempts, and an empty limit is unlimited', () => {
    expect(mayAttempt(quiz, 1)).toBe(true);
    expect(mayAttempt(quiz, 2)).toBe(false);
    expect(mayAttempt({ maxAttempts: null }, 1000)).toBe(true);
  });

  it('reads answers from form fields (one value or several) and from JSON', () => {
    expect(answersFrom({ q0: '1', q1: ['0', '1'], locale: 'fr' }, 3)).toEqual([[1], [0, 1], []]);
    expect(answersFrom({ answers: [[1], [0, 1], [1]] }, 3)).toEqual([[1], [0, 1], [1]]);
  });
});
