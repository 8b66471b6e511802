/**
 * A side panel in the content manager's edit view: whether this locale of the
 * entry is live on the site, waiting for a build, or left out, and why.
 */
import * as React from 'react';
import { Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';

interface EntryStatus {
  state: 'not-published' | 'live' | 'waiting' | 'left-out' | 'unknown';
  reason?: string;
  building?: boolean;
  problems?: { field: string; message: string }[];
}

function Status({ model, documentId, locale }: { model: string; documentId: string; locale: string }) {
  const { get } = useFetchClient();
  const [status, setStatus] = React.useState<EntryStatus | null>(null);
  React.useEffect(() => {
    let stop = false;
    const load = async () => {
      const params = new URLSearchParams({ uid: model, documentId, locale });
      const { data } = await get<EntryStatus>(`/ssc-site/entry-status?${params}`);
      if (!stop) setStatus(data);
    };
    void load();
    const timer = setInterval(() => void load(), 4000);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [get, model, documentId, locale]);
  if (!status) return <Typography>Checking…</Typography>;
  const text: Record<EntryStatus['state'], string> = {
    'not-published': 'Not published in this language: not on the site.',
    live: 'Live on the site.',
    waiting: status.building ? 'Published; the site is being rebuilt.' : 'Published; waiting for the next build.',
    'left-out': 'Left out of the site:',
    unknown: `Unknown${status.reason ? `: ${status.reason}` : ''}.`,
  };
  return (
    <div data-testid="entry-site-status">
      <Typography>{text[status.state]}</Typography>
      {(status.problems ?? []).map((p) => (
        <Typography key={`${p.field}:${p.message}`} tag="p" textColor="danger600">
          {p.field}: {p.message}
        </Typography>
      ))}
    </div>
  );
}

// The content manager calls panels as description components: return a title and content, or null.
const EntrySitePanel = ({ model, documentId, document }: { model: string; documentId?: string; document?: { locale?: string } }) => {
  if (!documentId || !document?.locale || !model.startsWith('api::')) return null;
  return { title: 'On the site', content: <Status model={model} documentId={documentId} locale={document.locale} /> };
};

export default EntrySitePanel;
