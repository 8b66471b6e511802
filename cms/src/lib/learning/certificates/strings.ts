/**
 * The words of a certificate, in the languages the Cloud School teaches in. A locale
 * without its own strings (a language added to the model later) gets the English ones
 * until they are translated here.
 */
export interface CertificateStrings {
  title: string;
  /** The achievement's criteria: what the learner did. */
  criteria: string;
  issuedBy: string;
  issuedOn: string;
  recipient: string;
  recipientHashed: string;
  credentialId: string;
  verify: string;
  revoked: string;
  downloadPdf: string;
  downloadJson: string;
  print: string;
}

const STRINGS: Record<string, CertificateStrings> = {
  en: {
    title: 'Certificate of completion',
    criteria: 'Completed every required lesson of the course, and passed its quizzes.',
    issuedBy: 'Issued by',
    issuedOn: 'Issued on',
    recipient: 'Awarded to',
    recipientHashed: 'the holder of the email address sealed in this credential',
    credentialId: 'Credential',
    verify: 'Scan to verify, or open the verify page',
    revoked: 'This certificate has been revoked.',
    downloadPdf: 'Download PDF',
    downloadJson: 'Credential (JSON) for your wallet',
    print: 'Print',
  },
  fr: {
    title: 'Certificat de réussite',
    criteria: 'A terminé toutes les leçons requises du cours et réussi ses quiz.',
    issuedBy: 'Délivré par',
    issuedOn: 'Délivré le',
    recipient: 'Décerné à',
    recipientHashed: 'la personne dont l’adresse e-mail est scellée dans ce justificatif',
    credentialId: 'Justificatif',
    verify: 'Scannez pour vérifier, ou ouvrez la page de vérification',
    revoked: 'Ce certificat a été révoqué.',
    downloadPdf: 'Télécharger le PDF',
    downloadJson: 'Justificatif (JSON) pour votre portefeuille',
    print: 'Imprimer',
  },
  es: {
    title: 'Certificado de finalización',
    criteria: 'Completó todas las lecciones obligatorias del curso y aprobó sus cuestionarios.',
    issuedBy: 'Emitido por',
    issuedOn: 'Emitido el',
    recipient: 'Otorgado a',
    recipientHashed: 'la persona cuyo correo electrónico está sellado en esta credencial',
    credentialId: 'Credencial',
    verify: 'Escanee para verificar, o abra la página de verificación',
    revoked: 'Este certificado ha sido revocado.',
    downloadPdf: 'Descargar PDF',
    downloadJson: 'Credencial (JSON) para su billetera',
    print: 'Imprimir',
  },
  ar: {
    title: 'شهادة إتمام',
    criteria: 'أتمّ جميع الدروس المطلوبة في الدورة ونجح في اختباراتها.',
    issuedBy: 'صادرة عن',
    issuedOn: 'تاريخ الإصدار',
    recipient: 'مُنحت إلى',
    recipientHashed: 'صاحب عنوان البريد الإلكتروني المختوم في هذه الشهادة',
    credentialId: 'رقم الشهادة',
    verify: 'امسح الرمز للتحقق، أو افتح صفحة التحقق',
    revoked: 'أُلغيت هذه الشهادة.',
    downloadPdf: 'تنزيل PDF',
    downloadJson: 'الشهادة (JSON) لمحفظتك',
    print: 'طباعة',
  },
  zh: {
    title: '结业证书',
    criteria: '已完成本课程的全部必修课时，并通过了测验。',
    issuedBy: '颁发机构',
    issuedOn: '颁发日期',
    recipient: '授予',
    recipientHashed: '本凭证中加密封存的电子邮箱的持有人',
    credentialId: '凭证编号',
    verify: '扫码验证，或打开验证页面',
    revoked: '此证书已被撤销。',
    downloadPdf: '下载 PDF',
    downloadJson: '凭证（JSON），可存入数字钱包',
    print: '打印',
  },
};

export const certificateStrings = (locale: string): CertificateStrings => STRINGS[locale] ?? STRINGS.en!;
