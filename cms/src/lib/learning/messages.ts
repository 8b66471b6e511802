/**
 * The words of what the CMS itself shows or sends a learner, in every locale of the
 * model: the "my learning" page, the new-password form and the two emails. `{name}`
 * placeholders are filled by `say()`. The site's pages have their own strings
 * (site/src/i18n).
 */
import { model } from '../model';

const EN = {
  'my.title': 'My learning',
  'my.signedInAs': 'Signed in as {email}.',
  'my.none': 'You have not enrolled in a course yet.',
  'my.browse': 'Browse the courses',
  'my.progress': '{done} of {total} lessons done',
  'my.completed': 'Completed',
  'my.certificate': 'Certificate',
  'my.yourData': 'Your data',
  'my.export': 'Download all my data (JSON)',
  'my.signOut': 'Sign out',
  'my.delete': 'Delete my account',
  'my.deleteHelp': 'This deletes your account and your progress for good. Certificates already issued stay verifiable: they do not contain your email address.',
  'my.password': 'Your password',
  'status.welcome': 'Welcome! Your account is ready.',
  'status.confirmed': 'Your email address is confirmed.',
  'status.signed-in': 'You are signed in.',
  'error.wrong-password': 'Wrong password: your account was not deleted.',
  'error.bad-origin': 'This form must be sent from the site.',
  'reset.title': 'Choose a new password',
  'reset.password': 'New password (at least {min} characters, not your email address)',
  'reset.submit': 'Save the new password',
  'error.password-too-short': 'The password is too short.',
  'error.password-too-long': 'The password is too long.',
  'error.password-is-email': 'The password must not be your email address.',
  'error.password-too-common': 'This password is too common or too simple: choose another.',
  'error.invalid-link': 'This link is not valid or has expired.',
  'email.confirm.subject': 'Confirm your email address for the Cloud School',
  'email.confirm.body': 'Open this link to confirm your email address and start learning:\n\n{link}\n\nIf you did not sign up, ignore this email.',
  'email.reset.subject': 'Reset your Cloud School password',
  'email.reset.body':
    'Open this link within one hour to choose a new password:\n\n{link}\n\nIf you did not ask for it, ignore this email: your password stays as it is.',
};

export type MessageKey = keyof typeof EN;

const BY_LOCALE: Record<string, Record<MessageKey, string>> = {
  en: EN,
  fr: {
    'my.title': 'Mon apprentissage',
    'my.signedInAs': 'Connecté·e en tant que {email}.',
    'my.none': 'Vous n’êtes encore inscrit·e à aucun cours.',
    'my.browse': 'Parcourir les cours',
    'my.progress': '{done} leçons terminées sur {total}',
    'my.completed': 'Terminé',
    'my.certificate': 'Certificat',
    'my.yourData': 'Vos données',
    'my.export': 'Télécharger toutes mes données (JSON)',
    'my.signOut': 'Se déconnecter',
    'my.delete': 'Supprimer mon compte',
    'my.deleteHelp':
      'Votre compte et votre progression seront supprimés définitivement. Les certificats déjà délivrés restent vérifiables : ils ne contiennent pas votre adresse e-mail.',
    'my.password': 'Votre mot de passe',
    'status.welcome': 'Bienvenue ! Votre compte est prêt.',
    'status.confirmed': 'Votre adresse e-mail est confirmée.',
    'status.signed-in': 'Vous êtes connecté·e.',
    'error.wrong-password': 'Mot de passe incorrect : votre compte n’a pas été supprimé.',
    'error.bad-origin': 'Ce formulaire doit être envoyé depuis le site.',
    'reset.title': 'Choisir un nouveau mot de passe',
    'reset.password': 'Nouveau mot de passe (au moins {min} caractères, pas votre adresse e-mail)',
    'reset.submit': 'Enregistrer le mot de passe',
    'error.password-too-short': 'Le mot de passe est trop court.',
    'error.password-too-long': 'Le mot de passe est trop long.',
    'error.password-is-email': 'Le mot de passe ne doit pas être votre adresse e-mail.',
    'error.password-too-common': 'Ce mot de passe est trop courant ou trop simple : choisissez-en un autre.',
    'error.invalid-link': 'Ce lien n’est pas valide ou a expiré.',
    'email.confirm.subject': 'Confirmez votre adresse e-mail pour l’École en ligne',
    'email.confirm.body':
      'Ouvrez ce lien pour confirmer votre adresse e-mail et commencer à apprendre :\n\n{link}\n\nSi vous ne vous êtes pas inscrit·e, ignorez ce message.',
    'email.reset.subject': 'Réinitialiser votre mot de passe de l’École en ligne',
    'email.reset.body':
      'Ouvrez ce lien dans l’heure pour choisir un nouveau mot de passe :\n\n{link}\n\nSi vous ne l’avez pas demandé, ignorez ce message : votre mot de passe reste le même.',
  },
  es: {
    'my.title': 'Mi aprendizaje',
    'my.signedInAs': 'Sesión iniciada como {email}.',
    'my.none': 'Todavía no se ha inscrito en ningún curso.',
    'my.browse': 'Ver los cursos',
    'my.progress': '{done} de {total} lecciones terminadas',
    'my.completed': 'Completado',
    'my.certificate': 'Certificado',
    'my.yourData': 'Sus datos',
    'my.export': 'Descargar todos mis datos (JSON)',
    'my.signOut': 'Cerrar sesión',
    'my.delete': 'Eliminar mi cuenta',
    'my.deleteHelp':
      'Se eliminarán definitivamente su cuenta y su progreso. Los certificados ya emitidos siguen siendo verificables: no contienen su correo electrónico.',
    'my.password': 'Su contraseña',
    'status.welcome': '¡Bienvenido! Su cuenta está lista.',
    'status.confirmed': 'Su correo electrónico está confirmado.',
    'status.signed-in': 'Ha iniciado sesión.',
    'error.wrong-password': 'Contraseña incorrecta: su cuenta no se eliminó.',
    'error.bad-origin': 'Este formulario debe enviarse desde el sitio.',
    'reset.title': 'Elegir una nueva contraseña',
    'reset.password': 'Nueva contraseña (al menos {min} caracteres, no su correo electrónico)',
    'reset.submit': 'Guardar la contraseña',
    'error.password-too-short': 'La contraseña es demasiado corta.',
    'error.password-too-long': 'La contraseña es demasiado larga.',
    'error.password-is-email': 'La contraseña no debe ser su correo electrónico.',
    'error.password-too-common': 'Esta contraseña es demasiado común o sencilla: elija otra.',
    'error.invalid-link': 'Este enlace no es válido o ha caducado.',
    'email.confirm.subject': 'Confirme su correo electrónico para la Escuela en la nube',
    'email.confirm.body': 'Abra este enlace para confirmar su correo electrónico y empezar a aprender:\n\n{link}\n\nSi no se registró, ignore este mensaje.',
    'email.reset.subject': 'Restablecer su contraseña de la Escuela en la nube',
    'email.reset.body':
      'Abra este enlace en la próxima hora para elegir una nueva contraseña:\n\n{link}\n\nSi no lo pidió, ignore este mensaje: su contraseña no cambia.',
  },
  zh: {
    'my.title': '我的学习',
    'my.signedInAs': '当前登录：{email}。',
    'my.none': '您还没有报名任何课程。',
    'my.browse': '浏览课程',
    'my.progress': '已完成 {done}/{total} 课',
    'my.completed': '已完成',
    'my.certificate': '证书',
    'my.yourData': '您的数据',
    'my.export': '下载我的全部数据（JSON）',
    'my.signOut': '退出登录',
    'my.delete': '删除我的账户',
    'my.deleteHelp': '您的账户和学习进度将被永久删除。已颁发的证书仍可验证：证书中不含您的电子邮箱。',
    'my.password': '您的密码',
    'status.welcome': '欢迎！您的账户已就绪。',
    'status.confirmed': '您的电子邮箱已确认。',
    'status.signed-in': '您已登录。',
    'error.wrong-password': '密码错误：您的账户未被删除。',
    'error.bad-origin': '此表单必须从本网站提交。',
    'reset.title': '设置新密码',
    'reset.password': '新密码（至少 {min} 个字符，不能是您的电子邮箱）',
    'reset.submit': '保存新密码',
    'error.password-too-short': '密码太短。',
    'error.password-too-long': '密码太长。',
    'error.password-is-email': '密码不能是您的电子邮箱。',
    'error.password-too-common': '此密码过于常见或简单，请换一个。',
    'error.invalid-link': '此链接无效或已过期。',
    'email.confirm.subject': '确认您在云学堂的电子邮箱',
    'email.confirm.body': '请打开以下链接确认您的电子邮箱并开始学习：\n\n{link}\n\n如果您没有注册，请忽略此邮件。',
    'email.reset.subject': '重置您的云学堂密码',
    'email.reset.body': '请在一小时内打开以下链接设置新密码：\n\n{link}\n\n如果您没有提出此请求，请忽略此邮件，您的密码不会改变。',
  },
  ar: {
    'my.title': 'تعلّمي',
    'my.signedInAs': 'تم تسجيل الدخول باسم {email}.',
    'my.none': 'لم تسجّل في أي دورة بعد.',
    'my.browse': 'تصفّح الدورات',
    'my.progress': 'أُنجز {done} من {total} دروس',
    'my.completed': 'مكتملة',
    'my.certificate': 'الشهادة',
    'my.yourData': 'بياناتك',
    'my.export': 'تنزيل جميع بياناتي (JSON)',
    'my.signOut': 'تسجيل الخروج',
    'my.delete': 'حذف حسابي',
    'my.deleteHelp': 'سيُحذف حسابك وتقدّمك نهائيًا. تبقى الشهادات الصادرة قابلة للتحقق: فهي لا تتضمن بريدك الإلكتروني.',
    'my.password': 'كلمة المرور',
    'status.welcome': 'مرحبًا! حسابك جاهز.',
    'status.confirmed': 'تم تأكيد بريدك الإلكتروني.',
    'status.signed-in': 'لقد سجّلت الدخول.',
    'error.wrong-password': 'كلمة المرور غير صحيحة: لم يُحذف حسابك.',
    'error.bad-origin': 'يجب إرسال هذا النموذج من الموقع.',
    'reset.title': 'اختر كلمة مرور جديدة',
    'reset.password': 'كلمة مرور جديدة ({min} حرفًا على الأقل، وليست بريدك الإلكتروني)',
    'reset.submit': 'حفظ كلمة المرور',
    'error.password-too-short': 'كلمة المرور قصيرة جدًا.',
    'error.password-too-long': 'كلمة المرور طويلة جدًا.',
    'error.password-is-email': 'يجب ألا تكون كلمة المرور بريدك الإلكتروني.',
    'error.password-too-common': 'كلمة المرور هذه شائعة أو بسيطة جدًا: اختر غيرها.',
    'error.invalid-link': 'هذا الرابط غير صالح أو انتهت صلاحيته.',
    'email.confirm.subject': 'أكّد بريدك الإلكتروني للمدرسة السحابية',
    'email.confirm.body': 'افتح هذا الرابط لتأكيد بريدك الإلكتروني والبدء في التعلّم:\n\n{link}\n\nإن لم تقم بالتسجيل، فتجاهل هذه الرسالة.',
    'email.reset.subject': 'إعادة تعيين كلمة مرورك في المدرسة السحابية',
    'email.reset.body': 'افتح هذا الرابط خلال ساعة لاختيار كلمة مرور جديدة:\n\n{link}\n\nإن لم تطلب ذلك، فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.',
  },
};

/** The locale's text for `key` (English when the model has a locale this file does not know yet), placeholders filled. */
export function say(locale: string, key: MessageKey, values: Record<string, string | number> = {}): string {
  const text = (BY_LOCALE[locale] ?? EN)[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export { pickLocale } from '../forms/locale';

export const localeInfo = (code: string) => model.locales.find((l) => l.code === code) ?? model.locales[0];

/** The locales this file has words for, for the test that every model locale is covered. */
export const messageLocales = Object.keys(BY_LOCALE);
