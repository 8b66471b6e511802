/**
 * The words of the pages the learning API renders itself (a quiz's result, a form's
 * answer), per locale. A locale of the model without its strings here gets English.
 */
export interface ResultStrings {
  resultTitle: string;
  score: string;
  passed: string;
  failed: string;
  right: string;
  wrong: string;
  yourAnswer: string;
  noAnswer: string;
  attemptsLeft: string;
  noAttemptsLeft: string;
  tryAgain: string;
  back: string;
  signIn: string;
  notFound: string;
  courseComplete: string;
}

export const RESULT_STRINGS: Record<string, ResultStrings> = {
  en: {
    resultTitle: 'Your quiz result',
    score: 'Your score: {score} % (pass mark {passMark} %)',
    passed: 'Well done: you passed this quiz.',
    failed: 'Not yet passed. Read the feedback, review the lessons and try again.',
    right: 'Right',
    wrong: 'Not right',
    yourAnswer: 'Your answer:',
    noAnswer: 'No answer given.',
    attemptsLeft: 'Attempts left: {count}',
    noAttemptsLeft: 'You have used every attempt at this quiz.',
    tryAgain: 'Try the quiz again',
    back: 'Back to the lesson',
    signIn: 'Please sign in as a learner first: your answers are kept with your progress.',
    notFound: 'This quiz or lesson is not available.',
    courseComplete: 'You have completed the course.',
  },
  zh: {
    resultTitle: '你的测验结果',
    score: '你的得分：{score}%（及格分 {passMark}%）',
    passed: '做得好：你通过了本测验。',
    failed: '尚未通过。请阅读反馈、复习课程后再试一次。',
    right: '正确',
    wrong: '不正确',
    yourAnswer: '你的答案：',
    noAnswer: '未作答。',
    attemptsLeft: '剩余次数：{count}',
    noAttemptsLeft: '你已用完本测验的所有作答次数。',
    tryAgain: '再做一次测验',
    back: '返回课程',
    signIn: '请先以学员身份登录：你的答案会与学习进度一起保存。',
    notFound: '该测验或课程不可用。',
    courseComplete: '你已完成本课程。',
  },
  ar: {
    resultTitle: 'نتيجة اختبارك',
    score: 'درجتك: {score} % (درجة النجاح {passMark} %)',
    passed: 'أحسنت: لقد نجحت في هذا الاختبار.',
    failed: 'لم تنجح بعد. اقرأ الملاحظات وراجع الدروس ثم حاول مرة أخرى.',
    right: 'صحيح',
    wrong: 'غير صحيح',
    yourAnswer: 'إجابتك:',
    noAnswer: 'لم تُقدَّم إجابة.',
    attemptsLeft: 'المحاولات المتبقية: {count}',
    noAttemptsLeft: 'لقد استنفدت كل محاولات هذا الاختبار.',
    tryAgain: 'أعد الاختبار',
    back: 'العودة إلى الدرس',
    signIn: 'يرجى تسجيل الدخول كمتعلّم أولًا: تُحفظ إجاباتك مع تقدّمك.',
    notFound: 'هذا الاختبار أو الدرس غير متاح.',
    courseComplete: 'لقد أكملت الدورة.',
  },
  es: {
    resultTitle: 'El resultado de su cuestionario',
    score: 'Su puntuación: {score} % (nota para aprobar {passMark} %)',
    passed: 'Muy bien: ha aprobado este cuestionario.',
    failed: 'Aún no ha aprobado. Lea los comentarios, repase las lecciones e inténtelo de nuevo.',
    right: 'Correcta',
    wrong: 'Incorrecta',
    yourAnswer: 'Su respuesta:',
    noAnswer: 'Sin respuesta.',
    attemptsLeft: 'Intentos restantes: {count}',
    noAttemptsLeft: 'Ha agotado todos los intentos de este cuestionario.',
    tryAgain: 'Volver a hacer el cuestionario',
    back: 'Volver a la lección',
    signIn: 'Inicie sesión como estudiante primero: sus respuestas se guardan con su progreso.',
    notFound: 'Este cuestionario o lección no está disponible.',
    courseComplete: 'Ha completado el curso.',
  },
  fr: {
    resultTitle: 'Le résultat de votre quiz',
    score: 'Votre score : {score} % (note de réussite {passMark} %)',
    passed: 'Bravo : vous avez réussi ce quiz.',
    failed: 'Pas encore réussi. Lisez les commentaires, revoyez les leçons et réessayez.',
    right: 'Juste',
    wrong: 'Pas juste',
    yourAnswer: 'Votre réponse :',
    noAnswer: 'Aucune réponse.',
    attemptsLeft: 'Tentatives restantes : {count}',
    noAttemptsLeft: 'Vous avez utilisé toutes les tentatives de ce quiz.',
    tryAgain: 'Refaire le quiz',
    back: 'Retour à la leçon',
    signIn: 'Connectez-vous d’abord en tant qu’apprenant : vos réponses sont gardées avec votre progression.',
    notFound: 'Ce quiz ou cette leçon n’est pas disponible.',
    courseComplete: 'Vous avez terminé le cours.',
  },
};

export const resultStrings = (locale: string): ResultStrings => RESULT_STRINGS[locale] ?? RESULT_STRINGS.en!;

/** A string with its `{name}` placeholders filled. */
export const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
