/**
 * A side panel in a demand's edit view: its top 3 suggested offers and solutions with their reasons, and a link to
 * the Exchange page, where the broker creates a match from one of them.
 */
import * as React from 'react';
import { Link } from 'react-router-dom';
import { Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { DemandSuggestions } from '../../lib/exchange/suggestions';
import model from '../../generated/model.json';

const DEMAND_UID = model.collections.find((c) => c.name === 'demand')?.uid;
const SHOWN = 3;

function TopSuggestions({ documentId }: { documentId: string }) {
  const { get } = useFetchClient();
  const [found, setFound] = React.useState<DemandSuggestions | null | undefined>(undefined); // null: refused or failed
  React.useEffect(() => {
    get<DemandSuggestions>(`/ssc-exchange/demands/${documentId}/suggestions`).then(
      ({ data }) => setFound(data),
      () => setFound(null),
    );
  }, [get, documentId]);
  if (found === undefined) return <Typography>Ranking…</Typography>;
  if (found === null) return <Typography>Suggestions are for brokers and the chief editor (save the demand first).</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="demand-suggestions">
      {found.suggestions.length ? null : <Typography>No published offer or solution shares a theme or answers the support sought.</Typography>}
      {found.suggestions.slice(0, SHOWN).map((s) => (
        <Typography key={s.documentId} tag="p">
          <strong lang={s.locale}>{s.title}</strong> ({s.type}, {s.locales.join(', ')}): {s.description}
        </Typography>
      ))}
      <Link to={`/ssc-exchange?demand=${documentId}`}>All suggestions, and Create match</Link>
    </Flex>
  );
}

// The content manager calls panels as description components: return a title and content, or null.
const DemandSuggestionsPanel = ({ model: uid, documentId }: { model: string; documentId?: string }) => {
  if (!documentId || uid !== DEMAND_UID) return null;
  return { title: 'Suggestions', content: <TopSuggestions documentId={documentId} /> };
};

export default DemandSuggestionsPanel;
