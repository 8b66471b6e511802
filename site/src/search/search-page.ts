/**
 * The search page in the browser: a small results list over Pagefind's JS API.
 * Pagefind (its JS, WASM and this language's index) is imported when this page
 * opens, never on other pages. The form's fields are the state: they are filled
 * from the URL on load and written back to it on every change, so `?q=…&theme=…`
 * can be shared. Every select other than `sort` is a Pagefind filter of that name;
 * `sort=date` orders Pagefind's results by this language's date order file, fetched
 * the first time a reader asks for it. The number of results is announced through
 * the role="status" element. A locale with nothing indexed yet (data-empty) never
 * loads Pagefind, which would otherwise fall back to the index of another language.
 */
import { RESULT_DATE, RESULT_IMAGE } from '../lib/search-result-fields.ts';

interface PagefindResult {
  url: string;
  /** HTML: Pagefind escapes the text and adds <mark> elements, so it is safe as innerHTML. */
  excerpt: string;
  meta: Partial<Record<'title' | 'summary', string>>;
  /** The search filters, plus the page's date and image, which travel as filters (see SearchData.astro). */
  filters: Partial<Record<string, string[]>>;
}

interface PagefindSearch {
  results: { id: string; data(): Promise<PagefindResult> }[];
}

interface PagefindSearchOptions {
  filters: Record<string, string>;
}

/** The part of pagefind.js (Pagefind 1.6) this page uses. */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(term: string | null, options: PagefindSearchOptions, wait: number): Promise<PagefindSearch | null>;
}

const PAGEFIND_URL = '/pagefind/pagefind.js';
/** Ids of this language's dated pages, newest first (written by site/lib/search-date-order.ts). */
const DATE_ORDER_URL = `/pagefind/date-order.${document.documentElement.lang.toLowerCase()}.json`;
/** Results shown at first and per "more": each costs the reader one fragment (~1–2 KB) of Pagefind's. */
const PAGE_SIZE = 5;
const DEBOUNCE_MS = 200;
/** Words of context around a match in each result. */
const EXCERPT_WORDS = 24;

const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
const fallback = document.querySelector<HTMLElement>('[data-search-fallback]')!;
const announcer = document.querySelector<HTMLElement>('[data-search-status]')!;
const list = document.querySelector<HTMLOListElement>('[data-search-results]')!;
const more = document.querySelector<HTMLButtonElement>('[data-search-more]')!;
const strings = form.dataset;
const lang = document.documentElement.lang;
const dateFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
const numberFormat = new Intl.NumberFormat(lang);
const typeLabels = new Map([...form.querySelectorAll<HTMLOptionElement>('select[name="type"] option')].map((o) => [o.value, o.text]));

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (import(/* @vite-ignore */ PAGEFIND_URL) as Promise<Pagefind>).then(async (api) => {
    // On the main thread: the worker would cost another ~12 KB (gzip) of script per first search,
    // and one language's index (a few thousand pages) is searched in milliseconds.
    await api.options({ excerptLength: EXCERPT_WORDS, noWorker: true });
    await api.init();
    return api;
  });
  // A failed load (a dropped connection) is tried again on the next search.
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

let dateOrder: Promise<Map<string, number>> | undefined;
/** The place of each dated page in "newest first", fetched the first time a reader sorts by date. */
function loadDateOrder(): Promise<Map<string, number>> {
  dateOrder ??= fetch(DATE_ORDER_URL)
    .then((response) => {
      if (!response.ok) throw new Error(`${DATE_ORDER_URL}: HTTP ${response.status}`);
      return response.json() as Promise<string[]>;
    })
    .then((ids) => new Map(ids.map((id, place) => [id, place])));
  dateOrder.catch(() => (dateOrder = undefined));
  return dateOrder;
}

/** Newest first; pages without a date (theme pages) are left out, as a date has no place for them. */
function newestFirst<T extends { id: string }>(found: T[], order: Map<string, number>): T[] {
  return found.filter((r) => order.has(r.id)).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

/** The form's non-empty fields, in order. */
function fields(): [string, string][] {
  return [...new FormData(form)].map(([name, value]) => [name, String(value).trim()] as [string, string]).filter(([, value]) => value !== '');
}

function fillFormFromUrl(): void {
  for (const [name, value] of new URLSearchParams(location.search)) {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
  }
}

function writeUrl(): void {
  const query = new URLSearchParams(fields()).toString();
  history.replaceState(null, '', query ? `${location.pathname}?${query}` : location.pathname);
}

function text(tag: string, content: string, className?: string): HTMLElement {
  const element = document.createElement(tag);
  element.textContent = content;
  if (className) element.className = className;
  return element;
}

function renderResult(result: PagefindResult, withExcerpt: boolean): HTMLLIElement {
  const item = document.createElement('li');
  const [imageUrl] = result.filters[RESULT_IMAGE] ?? [];
  if (imageUrl) {
    const image = document.createElement('img');
    image.src = imageUrl;
    image.alt = '';
    image.loading = 'lazy';
    image.decoding = 'async';
    item.append(image);
  }
  const link = text('a', result.meta.title ?? result.url) as HTMLAnchorElement;
  link.href = result.url;
  item.append(link);
  const facts = document.createElement('div');
  facts.className = 'meta';
  const type = result.filters.type?.[0];
  if (type) facts.append(typeLabels.get(type) ?? type);
  const [date] = result.filters[RESULT_DATE] ?? [];
  if (date) {
    const time = text('time', dateFormat.format(new Date(`${date}T00:00:00Z`)));
    time.setAttribute('datetime', date);
    facts.append(type ? ' · ' : '', time);
  }
  item.append(facts);
  const summary = document.createElement('p');
  if (withExcerpt) summary.innerHTML = result.excerpt;
  else summary.textContent = result.meta.summary ?? '';
  item.append(summary);
  return item;
}

let results: PagefindSearch['results'] = [];
let shown = 0;
let withExcerpts = false;
/** Bumped by every search, so the answer of a superseded one is dropped. */
let generation = 0;

async function showMore(): Promise<void> {
  const mine = generation;
  const batch = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
  if (mine !== generation) return;
  list.append(...batch.map((r) => renderResult(r, withExcerpts)));
  shown += batch.length;
  more.hidden = shown >= results.length;
}

async function search(): Promise<void> {
  const mine = ++generation;
  writeUrl();
  const state = Object.fromEntries(fields());
  const { q = '', sort, ...filters } = state;
  if (!q && Object.keys(filters).length === 0) {
    list.replaceChildren();
    more.hidden = true;
    delete announcer.dataset.count;
    announcer.textContent = strings.prompt ?? '';
    return;
  }
  if (strings.empty !== undefined) {
    // Nothing of this language is indexed: Pagefind would fall back to another language's index.
    announcer.dataset.count = '0';
    announcer.textContent = strings.none ?? '';
    return;
  }
  list.setAttribute('aria-busy', 'true');
  try {
    const api = await loadPagefind();
    const found = await api.debouncedSearch(q || null, { filters }, DEBOUNCE_MS);
    if (found === null || mine !== generation) return;
    const order = sort === 'date' ? await loadDateOrder() : undefined;
    if (mine !== generation) return;
    results = order ? newestFirst(found.results, order) : found.results;
    shown = 0;
    withExcerpts = q !== '';
    list.replaceChildren();
    await showMore();
    if (mine !== generation) return;
    announcer.dataset.count = String(results.length);
    announcer.textContent = results.length ? (strings.results ?? '').replace('{{count}}', numberFormat.format(results.length)) : (strings.none ?? '');
  } catch (error) {
    if (mine !== generation) return;
    console.error(error);
    list.replaceChildren();
    more.hidden = true;
    announcer.textContent = strings.failed ?? '';
  } finally {
    if (mine === generation) list.removeAttribute('aria-busy');
  }
}

form.addEventListener('input', () => void search());
form.addEventListener('submit', (event) => {
  event.preventDefault();
  void search();
});
more.addEventListener('click', async () => {
  const first = shown;
  await showMore();
  list.children[first]?.querySelector('a')?.focus();
});

fillFormFromUrl();
fallback.hidden = true;
form.hidden = false;
if (strings.empty === undefined) void loadPagefind().catch(() => undefined);
void search();

// A module: its names stay out of the global scope.
export {};
