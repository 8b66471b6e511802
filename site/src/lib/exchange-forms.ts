/**
 * The solutions exchange's "Post a demand" and "Post an offer" pages
 * (docs/solutions-exchange.md, "Submissions"): plain forms posting to the CMS, which
 * checks them, answers with its own page (the form again with each field's problem, or
 * the confirmation with a reference) and stores a draft for a broker. The fields and
 * their order match the CMS's (cms/src/lib/exchange/submissions/spec.ts); lengths and
 * choices come from the model.
 */
import { EXCHANGE_SUPPORT_KINDS, OFFER_MODALITIES, getCollection, type LocaleCode } from '@ssc/content-schemas';

export const EXCHANGE_FORMS = ['post-demand', 'post-offer'] as const;
export type ExchangeForm = (typeof EXCHANGE_FORMS)[number];

export const KIND_OF: Record<ExchangeForm, 'demand' | 'offer'> = { 'post-demand': 'demand', 'post-offer': 'offer' };

/** The hidden field people leave empty (the CMS drops a submission that fills it). */
export const HONEYPOT_FIELD = 'website';

/** The most a long text (the problem, the expertise) may hold: the model leaves rich text unbounded. */
export const LONG_TEXT_MAX = 5000;

export const exchangeFormPath = (locale: LocaleCode, form: ExchangeForm) => `/${locale}/exchange/${form}/`;

export interface FormField {
  name: string;
  kind: 'text' | 'textarea' | 'email' | 'date' | 'select' | 'checkboxes';
  required: boolean;
  /** The UI string naming it. */
  label: string;
  /** Coded choices, labelled by `<prefix>.<code>`. */
  codes?: { values: readonly string[]; prefix: string };
  /** Choices from the snapshot or the locales. */
  from?: 'countries' | 'themes' | 'languages';
  /** Contact details: never published. */
  contact?: boolean;
}

const contact: FormField[] = [
  { name: 'contactName', kind: 'text', required: true, label: 'exchange.form.contactName', contact: true },
  { name: 'contactEmail', kind: 'email', required: true, label: 'exchange.form.contactEmail', contact: true },
  { name: 'contactOrganization', kind: 'text', required: false, label: 'exchange.form.contactOrganization', contact: true },
];

export const FORM_FIELDS: Record<ExchangeForm, FormField[]> = {
  'post-demand': [
    { name: 'title', kind: 'text', required: true, label: 'exchange.form.title' },
    { name: 'summary', kind: 'textarea', required: true, label: 'exchange.form.summary' },
    { name: 'institution', kind: 'text', required: true, label: 'demand.institution' },
    { name: 'country', kind: 'select', required: true, label: 'exchange.form.country', from: 'countries' },
    { name: 'problem', kind: 'textarea', required: true, label: 'demand.problem' },
    { name: 'beneficiaries', kind: 'textarea', required: false, label: 'demand.beneficiaries' },
    { name: 'supportSought', kind: 'checkboxes', required: true, label: 'demand.supportSought', codes: { values: EXCHANGE_SUPPORT_KINDS, prefix: 'support' } },
    { name: 'themes', kind: 'checkboxes', required: false, label: 'item.themes', from: 'themes' },
    { name: 'languages', kind: 'checkboxes', required: true, label: 'demand.languages', from: 'languages' },
    { name: 'timeframe', kind: 'text', required: false, label: 'demand.timeframe' },
    ...contact,
  ],
  'post-offer': [
    { name: 'title', kind: 'text', required: true, label: 'exchange.form.title' },
    { name: 'summary', kind: 'textarea', required: true, label: 'exchange.form.summary' },
    { name: 'providerName', kind: 'text', required: true, label: 'exchange.form.providerName' },
    { name: 'expertise', kind: 'textarea', required: true, label: 'offer.expertise' },
    { name: 'modality', kind: 'select', required: true, label: 'offer.modality', codes: { values: OFFER_MODALITIES, prefix: 'modality' } },
    { name: 'themes', kind: 'checkboxes', required: false, label: 'item.themes', from: 'themes' },
    { name: 'deliveryLanguages', kind: 'checkboxes', required: true, label: 'offer.deliveryLanguages', from: 'languages' },
    { name: 'capacity', kind: 'textarea', required: false, label: 'offer.capacity' },
    { name: 'costSharing', kind: 'textarea', required: false, label: 'offer.costSharing' },
    { name: 'validUntil', kind: 'date', required: false, label: 'offer.validUntil' },
    ...contact,
  ],
};

/** The most characters a text field takes: the model's maxLength, else LONG_TEXT_MAX. */
export function maxLengthOf(form: ExchangeForm, name: string): number {
  const field = (getCollection(KIND_OF[form]).fields as Record<string, { maxLength?: number }>)[name];
  return field?.maxLength ?? LONG_TEXT_MAX;
}
