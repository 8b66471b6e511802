/**
 * Right-to-left editing: in the content manager's edit view, the fields that hold
 * prose in the entry's language (content-schemas' localizedProsePaths) take that
 * language's direction: text inputs, textareas and the Markdown editor with its
 * preview. Everything else in the form (slug, URLs, language tags, numbers) stays
 * left to right, even when the admin's own interface is right to left.
 *
 * Strapi's design system has no direction setting for fields (strapi/design-system#1308),
 * so this watches the page and sets `dir` on the elements the edit view renders.
 */
import model from '../../generated/model.json';

/** The attribute that marks elements whose direction this module set. */
const MARK = 'data-ssc-dir';

interface EditedEntry {
  /** Matches a form path (`heroImage.alt`, `attachments.0.title`) of a prose field. */
  prose: RegExp;
  /** The collection's own field names: only their inputs are set left to right. */
  fields: Set<string>;
  /** The final segments of prose paths: how the Markdown editor's label names its field. */
  proseLabels: Set<string>;
  dir: 'ltr' | 'rtl';
}

const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

function pathPattern(paths: string[]): RegExp {
  const alternatives = paths.map((p) =>
    p
      .split('.')
      .map((segment) => (segment === '*' ? '\\d+' : escape(segment)))
      .join('\\.'),
  );
  return new RegExp(`^(?:${alternatives.join('|') || '(?!)'})$`);
}

/** The collection and locale of the edit view at `location`, or null elsewhere. */
export function editedEntry(location: Pick<Location, 'pathname' | 'search'>): EditedEntry | null {
  const match = /\/content-manager\/collection-types\/([^/]+)/.exec(location.pathname);
  if (!match) return null;
  const collection = model.collections.find((c) => c.uid === decodeURIComponent(match[1]!));
  if (!collection) return null;
  const localeCode = new URLSearchParams(location.search).get('plugins[i18n][locale]') ?? model.defaultLocale;
  const locale = model.locales.find((l) => l.code === localeCode);
  return {
    prose: pathPattern(collection.localizedProsePaths),
    fields: new Set(Object.keys(collection.fields)),
    proseLabels: new Set(collection.localizedProsePaths.map((p) => p.split('.').pop()!)),
    dir: locale?.dir === 'rtl' ? 'rtl' : 'ltr',
  };
}

function setDir(element: HTMLElement, dir: 'ltr' | 'rtl'): void {
  if (element.getAttribute('dir') !== dir) element.setAttribute('dir', dir);
  element.setAttribute(MARK, dir);
}

/** CodeMirror 5 keeps its instance on its wrapper element. */
interface CodeMirrorWrapper extends HTMLElement {
  CodeMirror?: { getOption(name: string): unknown; setOption(name: string, value: unknown): void };
}

/** The label of the form field an element belongs to, without the required mark. */
function fieldLabelOf(element: HTMLElement): string | undefined {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const label = node.querySelector('label');
    if (label) return label.textContent?.replace(/\*\s*$/, '').trim();
  }
  return undefined;
}

function applyToInputs(root: ParentNode, entry: EditedEntry): void {
  for (const input of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[name], textarea[name]')) {
    if (input instanceof HTMLInputElement && !['text', 'url', 'email', 'search', ''].includes(input.type)) continue;
    const name = input.name;
    if (entry.prose.test(name)) setDir(input, entry.dir);
    else if (entry.fields.has(name.split('.')[0]!)) setDir(input, 'ltr');
  }
}

function applyToMarkdownEditors(root: ParentNode, entry: EditedEntry): void {
  for (const wrapper of root.querySelectorAll<CodeMirrorWrapper>('.CodeMirror')) {
    const label = fieldLabelOf(wrapper);
    const dir = label !== undefined && entry.proseLabels.has(label) ? entry.dir : 'ltr';
    // The editor's container also holds the Markdown preview: both follow.
    const container = wrapper.parentElement?.parentElement;
    if (container) setDir(container, dir);
    setDir(wrapper, dir);
    // CodeMirror's style sheet fixes its wrapper left to right, which outranks `dir`.
    wrapper.style.direction = dir;
    const editor = wrapper.CodeMirror;
    if (editor && editor.getOption('direction') !== dir) editor.setOption('direction', dir);
  }
}

/** Clears what an earlier edit view set, when the page is no longer an edit view. */
function clear(root: ParentNode): void {
  for (const element of root.querySelectorAll<HTMLElement>(`[${MARK}]`)) {
    element.removeAttribute('dir');
    element.removeAttribute(MARK);
    element.style.removeProperty('direction');
  }
}

export function applyProseDirection(root: ParentNode, location: Pick<Location, 'pathname' | 'search'>): void {
  const entry = editedEntry(location);
  if (!entry) return clear(root);
  applyToInputs(root, entry);
  applyToMarkdownEditors(root, entry);
}

/** Keeps the edit view's fields in the direction of the entry's locale as the admin renders them. */
export function followLocaleDirection(): void {
  let pending = false;
  const apply = () => {
    pending = false;
    applyProseDirection(document, window.location);
  };
  new MutationObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(apply);
  }).observe(document.body, { childList: true, subtree: true });
  apply();
}
