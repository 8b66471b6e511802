/**
 * The "Translations" page: every document of every localized type in every locale,
 * each cell with its state (missing, draft, published, modified, outdated) and a link
 * to that entry in that locale in the edit view; filters by type, theme, locale and
 * state (kept in the address, so a view can be shared); counts per locale; and the
 * site's UI strings that are missing or outdated. A language editor first sees their
 * own locale's queue: missing and outdated, newest source first.
 */
import * as React from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Badge, Box, Button, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { TranslationStatusResponse } from '../../lib/translations/admin-routes';
import { STATE_BADGE, STATE_LABEL, STATE_ORDER } from './state-labels';
import { AdminPage } from '../components/AdminPage';
import { HeadRow } from '../components/HeadRow';
import { Panel } from '../components/Panel';

const ALL = '';
const STATE_CHOICES: { value: string; label: string }[] = [
  { value: 'missing,outdated', label: 'Missing or outdated (the queue)' },
  ...STATE_ORDER.map((s) => ({ value: s, label: STATE_LABEL[s] })),
];
const FILTER_KEYS = ['type', 'theme', 'locale', 'state'] as const;

function Filter({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (v: string) => void;
}) {
  return (
    <Box minWidth="200px" data-testid={`translations-filter-${label.toLowerCase()}`}>
      <Typography variant="pi" fontWeight="bold">
        {label}
      </Typography>
      <SingleSelect aria-label={label} value={value} onChange={(v) => onChange(String(v))} size="S">
        <SingleSelectOption value={ALL}>All</SingleSelectOption>
        {options.map((o) => (
          <SingleSelectOption key={o.value} value={o.value}>
            {o.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Box>
  );
}

export default function TranslationsPage() {
  const { get } = useFetchClient();
  const [params, setParams] = useSearchParams();
  const [report, setReport] = React.useState<TranslationStatusResponse | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const chosen = FILTER_KEYS.some((k) => params.has(k));

  React.useEffect(() => {
    let stop = false;
    const query = new URLSearchParams();
    for (const k of FILTER_KEYS) if (params.get(k)) query.set(k, params.get(k)!);
    get<TranslationStatusResponse>(`/ssc-translations/status?${query}`)
      .then(({ data }) => {
        if (stop) return;
        // A language editor who has chosen nothing yet starts with their own queue.
        if (!chosen && data.defaultView.locale) {
          setParams({ locale: data.defaultView.locale, state: (data.defaultView.states ?? []).join(',') }, { replace: true });
          return;
        }
        setReport(data);
        setError(null);
      })
      .catch((e: Error) => !stop && setError(e.message));
    return () => {
      stop = true;
    };
  }, [get, params, chosen, setParams]);

  const set = (key: (typeof FILTER_KEYS)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    // An empty but present filter keeps the language editor's default queue from coming back.
    if (![...next.keys()].length) next.set('type', '');
    setParams(next);
  };

  const locales = report?.locales ?? [];
  const localeName = (code: string) => locales.find((l) => l.code === code)?.name ?? code;
  const typeName = (name: string) => report?.types.find((t) => t.name === name)?.displayName ?? name;
  const queueLocale = params.get('locale');

  return (
    <AdminPage
      title="Translations"
      actions={
        chosen ? (
          <Button variant="tertiary" onClick={() => setParams({ type: '' })}>
            Show everything
          </Button>
        ) : null
      }
    >
      {queueLocale && params.get('state') === 'missing,outdated' ? (
        <Typography data-testid="translations-queue">The {localeName(queueLocale)} queue: missing and outdated translations, newest source first.</Typography>
      ) : null}
      {error ? <Typography textColor="danger600">{error}</Typography> : null}
      <Flex gap={4} wrap="wrap" alignItems="end">
        <Filter
          label="Type"
          value={params.get('type') ?? ALL}
          options={(report?.types ?? []).map((t) => ({ value: t.name, label: t.displayName }))}
          onChange={(v) => set('type', v)}
        />
        <Filter
          label="Theme"
          value={params.get('theme') ?? ALL}
          options={(report?.themes ?? []).map((t) => ({ value: t.documentId, label: t.name }))}
          onChange={(v) => set('theme', v)}
        />
        <Filter
          label="Locale"
          value={params.get('locale') ?? ALL}
          options={locales.map((l) => ({ value: l.code, label: l.name }))}
          onChange={(v) => set('locale', v)}
        />
        <Filter label="State" value={params.get('state') ?? ALL} options={STATE_CHOICES} onChange={(v) => set('state', v)} />
      </Flex>
      <Panel title="Per locale">
        <Table colCount={6} rowCount={locales.length + 1}>
          <HeadRow labels={['Locale', ...STATE_ORDER.map((state) => STATE_LABEL[state])]} />
          <Tbody>
            {locales.map((l) => (
              <Tr key={l.code} data-testid="translations-count" data-locale={l.code}>
                <Td>
                  <Typography>{l.name}</Typography>
                </Td>
                {STATE_ORDER.map((s) => (
                  <Td key={s} data-state={s}>
                    <Typography>{report?.counts[l.code]?.[s] ?? 0}</Typography>
                  </Td>
                ))}
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Panel>
      <Panel title={report ? `${report.rows.length} documents` : 'Loading…'}>
        <Table colCount={locales.length + 3} rowCount={(report?.rows.length ?? 0) + 1}>
          <HeadRow labels={['Type', 'Title (in its source)', 'Source', ...locales.map((l) => l.code)]} />
          <Tbody>
            {(report?.rows ?? []).map((row) => (
              <Tr key={`${row.uid}:${row.documentId}`} data-testid="translation-row" data-type={row.type} data-document={row.documentId}>
                <Td>
                  <Typography>{typeName(row.type)}</Typography>
                </Td>
                <Td>
                  <Typography ellipsis style={{ maxWidth: '28rem', display: 'block' }}>
                    {row.title}
                  </Typography>
                </Td>
                <Td>
                  <Typography>{row.sourceLocale}</Typography>
                </Td>
                {locales.map((l) => {
                  const cell = row.cells[l.code];
                  return (
                    <Td key={l.code} data-testid="translation-cell" data-locale={l.code} data-state={cell?.state}>
                      {cell ? (
                        <Link to={cell.editPath} title={`${STATE_LABEL[cell.state]} — ${localeName(l.code)}`}>
                          <Badge variant={STATE_BADGE[cell.state]}>{cell.state}</Badge>
                        </Link>
                      ) : null}
                    </Td>
                  );
                })}
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Panel>
      <Panel title="Site interface strings">
        {!report ? null : !report.uiStrings ? (
          <Typography>The site's UI string files are not next to this CMS.</Typography>
        ) : (
          <>
            <Typography>
              {report.uiStrings.keys} keys in {localeName(report.uiStrings.sourceLocale)} (the source).{' '}
              {locales
                .filter((l) => l.code !== report.uiStrings!.sourceLocale)
                .map((l) => `${l.code}: ${report.uiStrings!.counts[l.code]?.missing ?? 0} missing, ${report.uiStrings!.counts[l.code]?.outdated ?? 0} outdated`)
                .join('; ')}
            </Typography>
            {report.uiStrings.entries
              .filter((e) => e.state !== 'published')
              .slice(0, 100)
              .map((p) => (
                <Typography key={`${p.locale}:${p.key}`} data-testid="ui-string-problem">
                  [{p.locale}] {p.key}: {p.state}
                </Typography>
              ))}
          </>
        )}
      </Panel>
    </AdminPage>
  );
}
