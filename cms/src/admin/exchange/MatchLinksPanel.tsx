/**
 * A side panel in a match's edit view: the offers and solutions its `links` name (a type and a document id in the
 * form), with their titles, the languages they are written and published in, and a link to each. A record that is
 * not published is said to be off the site: the story links it once it is published, in the reader's language when
 * it has it, else in one it has.
 */
import * as React from 'react';
import { Link } from 'react-router-dom';
import { Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { LinkedRecord } from '../../lib/exchange/match-links';
import model from '../../generated/model.json';

const MATCH_UID = model.collections.find((c) => c.name === 'match')?.uid;

function describe(record: LinkedRecord): string {
  if (!record.exists) return `${record.type} ${record.documentId}: deleted`;
  const published = record.published.length ? `published in ${record.published.join(', ')}` : 'not published: not on the site';
  return `(${record.type}; written in ${record.locales.join(', ')}; ${published})`;
}

function LinkedRecords({ documentId, locale }: { documentId: string; locale: string }) {
  const { get } = useFetchClient();
  const [found, setFound] = React.useState<LinkedRecord[] | null | undefined>(undefined); // null: refused or failed
  React.useEffect(() => {
    get<{ links: LinkedRecord[] }>(`/ssc-exchange/matches/${documentId}/links?locale=${encodeURIComponent(locale)}`).then(
      ({ data }) => setFound(data.links),
      () => setFound(null),
    );
  }, [get, documentId, locale]);
  if (found === undefined) return <Typography>Reading…</Typography>;
  if (found === null) return <Typography>Linked records are for brokers and the chief editor (save the match first).</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="match-links">
      {found.length ? null : <Typography>No offer or solution in links yet (add one with its type and document id, or use Create match).</Typography>}
      {found.map((record) => (
        <Typography key={`${record.type}:${record.documentId}`} tag="p">
          {record.exists && record.editPath ? (
            <Link to={record.editPath} lang={record.locale ?? undefined}>
              {record.title ?? record.documentId}
            </Link>
          ) : null}{' '}
          {describe(record)}
        </Typography>
      ))}
    </Flex>
  );
}

// The content manager calls panels as description components: return a title and content, or null.
const MatchLinksPanel = ({ model: uid, documentId, document }: { model: string; documentId?: string; document?: { locale?: string } }) => {
  if (!documentId || uid !== MATCH_UID) return null;
  return { title: 'Linked records', content: <LinkedRecords documentId={documentId} locale={document?.locale ?? ''} /> };
};

export default MatchLinksPanel;
