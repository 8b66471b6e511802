/**
 * A side panel in the content manager's edit view: this document's source locale
 * and the state of each translation. On the source, when its current edit makes
 * translations outdated, the source editor can mark the edit "No translation needed";
 * on another locale, make that locale the source.
 */
import * as React from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { EntryTranslationStatus } from '../../lib/translations/admin-routes';

function Translations({ model, documentId, locale, version }: { model: string; documentId: string; locale: string; version?: string }) {
  const { get, post } = useFetchClient();
  const [status, setStatus] = React.useState<EntryTranslationStatus | null>(null);
  const [message, setMessage] = React.useState<string | null>(null);

  const load = React.useCallback(async () => {
    const params = new URLSearchParams({ uid: model, documentId, locale });
    const { data } = await get<EntryTranslationStatus>(`/ssc-translations/entry?${params}`);
    setStatus(data);
  }, [get, model, documentId, locale]);

  React.useEffect(() => {
    void load().catch(() => setMessage('The translation status is not available.'));
    const timer = setInterval(() => void load().catch(() => {}), 5000);
    return () => clearInterval(timer);
  }, [load, version]);

  const act = async (path: string, body: unknown, done: string) => {
    try {
      const { data } = await post<EntryTranslationStatus>(path, body);
      setStatus(data);
      setMessage(done);
    } catch (error) {
      setMessage(`Refused: ${(error as Error).message}`);
    }
  };

  if (!status) return <Typography>{message ?? 'Checking…'}</Typography>;
  const states = Object.entries(status.states);
  return (
    <Flex direction="column" alignItems="start" gap={2} data-testid="entry-translation-status">
      <Typography>{status.isSource ? 'This is the source language.' : `Source language: ${status.sourceLocale ?? '–'}.`}</Typography>
      <Typography variant="pi">{states.map(([l, s]) => `${l}: ${s}`).join(' · ')}</Typography>
      {status.isSource && status.outdated.length ? (
        <>
          <Typography textColor="warning600">This edit makes {status.outdated.join(', ')} outdated.</Typography>
          {status.canMarkNoTranslationNeeded ? (
            <Button
              variant="secondary"
              size="S"
              onClick={() => act('/ssc-translations/no-translation-needed', { uid: model, documentId }, 'Marked: the translations stay current.')}
            >
              No translation needed
            </Button>
          ) : null}
        </>
      ) : null}
      {!status.isSource && status.canChooseSource && status.states[locale] !== 'missing' ? (
        <Button
          variant="tertiary"
          size="S"
          onClick={() => act('/ssc-translations/source', { uid: model, documentId, locale }, 'This language is now the source.')}
        >
          Make this the source language
        </Button>
      ) : null}
      {message ? <Typography textColor="primary600">{message}</Typography> : null}
    </Flex>
  );
}

// The content manager calls panels as description components: return a title and content, or null.
const EntryTranslationPanel = ({ model, documentId, document }: { model: string; documentId?: string; document?: { locale?: string; updatedAt?: string } }) => {
  if (!documentId || !document?.locale || !model.startsWith('api::')) return null;
  return {
    title: 'Translations',
    content: <Translations model={model} documentId={documentId} locale={document.locale} version={document.updatedAt} />,
  };
};

export default EntryTranslationPanel;
