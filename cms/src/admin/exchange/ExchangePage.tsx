/**
 * The "Exchange" page, for brokers and the chief editor: the offers and demands awaiting moderation, with "Ask for
 * changes" and "Reject" and a note to the submitter (approving one is publishing it in the content manager, its
 * link); the open demands (drafts included, with their moderation state); and for the selected demand its top
 * suggested offers and solutions with the reasons and a "Create match" button on each.
 */
import * as React from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Badge, Box, Button, Field, Flex, Table, Tbody, Td, Textarea, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { QueuedDocument } from '../../lib/exchange/broker-queues';
import type { DemandSuggestions, AdminSuggestion } from '../../lib/exchange/suggestions';
import type { CreatedMatch } from '../../lib/exchange/match-creation';
import { AdminPage } from '../components/AdminPage';
import { HeadRow } from '../components/HeadRow';
import { Panel } from '../components/Panel';

function DemandRow({ demand, selected, onSelect }: { demand: QueuedDocument; selected: boolean; onSelect: () => void }) {
  return (
    <Tr>
      <Td>
        <Link to={demand.editPath}>{demand.title}</Link>
      </Td>
      <Td>
        <Typography>{demand.locales.join(', ')}</Typography>
      </Td>
      <Td>
        <Typography>{demand.organization ?? '–'}</Typography>
      </Td>
      <Td>
        <Typography>{demand.state}</Typography>
      </Td>
      <Td>
        <Flex gap={1}>
          {demand.published.length ? <Badge active>published</Badge> : <Badge>draft</Badge>}
          {demand.moderation ? <Badge>{demand.moderation}</Badge> : null}
          {demand.reference ? <Typography variant="pi">{demand.reference}</Typography> : null}
        </Flex>
      </Td>
      <Td>
        <Button variant={selected ? 'default' : 'secondary'} onClick={onSelect} aria-label={`Suggestions for ${demand.title}`}>
          Suggestions
        </Button>
      </Td>
    </Tr>
  );
}

function SuggestionRow({ rank, suggestion, onCreate }: { rank: number; suggestion: AdminSuggestion; onCreate: () => void }) {
  return (
    <Tr>
      <Td>
        <Typography>{rank}</Typography>
      </Td>
      <Td>
        <Typography>{suggestion.type}</Typography>
      </Td>
      <Td>
        <Typography>
          {suggestion.title} <span lang={suggestion.locale}>({suggestion.locales.join(', ')})</span>
        </Typography>
      </Td>
      <Td>
        <Typography data-reasons={suggestion.reasons.map((r) => r.code).join(' ')}>{suggestion.description}</Typography>
      </Td>
      <Td>
        <Typography>{suggestion.score}</Typography>
      </Td>
      <Td>
        <Button onClick={onCreate} aria-label={`Create match with ${suggestion.title}`}>
          Create match
        </Button>
      </Td>
    </Tr>
  );
}

function ModerationForm({ submission, onDone }: { submission: QueuedDocument; onDone: (message: string) => void }) {
  const { post } = useFetchClient();
  const [note, setNote] = React.useState(submission.moderationNote ?? '');
  const moderate = async (action: 'request-changes' | 'reject') => {
    try {
      const { data } = await post<{ moderation: string; emailed: boolean }>(`/ssc-exchange/submissions/${submission.type}/${submission.documentId}/moderate`, {
        action,
        note,
      });
      onDone(`“${submission.title}” marked ${data.moderation}; ${data.emailed ? 'the submitter was emailed' : 'no email was sent (no SMTP or no address)'}.`);
    } catch (error) {
      onDone(`Refused: ${(error as Error).message}`);
    }
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography>
        Approve “{submission.title}” by publishing it in the content manager (<Link to={submission.editPath}>open the {submission.type}</Link>), or answer the
        submitter:
      </Typography>
      <Field.Root name="moderation-note">
        <Field.Label>Note to the submitter (the reason)</Field.Label>
        <Textarea value={note} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setNote(e.target.value)} />
      </Field.Root>
      <Flex gap={2}>
        <Button variant="secondary" disabled={!note.trim()} onClick={() => void moderate('request-changes')}>
          Ask for changes
        </Button>
        <Button variant="danger-light" disabled={!note.trim()} onClick={() => void moderate('reject')}>
          Reject
        </Button>
      </Flex>
    </Flex>
  );
}

function SubmissionRow({ submission, onAnswer }: { submission: QueuedDocument; onAnswer: () => void }) {
  return (
    <Tr>
      <Td>
        <Typography>{submission.type}</Typography>
      </Td>
      <Td>
        <Link to={submission.editPath}>{submission.title}</Link>
      </Td>
      <Td>
        <Typography>{submission.locales.join(', ')}</Typography>
      </Td>
      <Td>
        <Typography>{submission.organization ?? '–'}</Typography>
      </Td>
      <Td>
        <Flex gap={1}>
          <Badge>{submission.moderation}</Badge>
          {submission.reference ? <Typography variant="pi">{submission.reference}</Typography> : null}
        </Flex>
      </Td>
      <Td>
        <Button variant="secondary" onClick={onAnswer} aria-label={`Moderate ${submission.title}`}>
          Moderate
        </Button>
      </Td>
    </Tr>
  );
}

export default function ExchangePage() {
  const { get, post } = useFetchClient();
  const [demands, setDemands] = React.useState<QueuedDocument[] | null | undefined>(undefined); // null: refused
  const [submissions, setSubmissions] = React.useState<QueuedDocument[]>([]);
  const [answering, setAnswering] = React.useState<QueuedDocument | null>(null);
  // A demand's edit view links here with ?demand=<documentId>.
  const [search] = useSearchParams();
  const [selected, setSelected] = React.useState<string | null>(search.get('demand'));
  const [suggestions, setSuggestions] = React.useState<DemandSuggestions | null>(null);
  const [message, setMessage] = React.useState<React.ReactNode>(null);

  const load = React.useCallback(async () => {
    try {
      const [open, awaiting] = await Promise.all([
        get<{ demands: QueuedDocument[] }>('/ssc-exchange/demands'),
        get<{ submissions: QueuedDocument[] }>('/ssc-exchange/submissions'),
      ]);
      setDemands(open.data.demands);
      setSubmissions(awaiting.data.submissions);
    } catch {
      setDemands(null);
    }
  }, [get]);

  React.useEffect(() => void load(), [load]);

  React.useEffect(() => {
    setSuggestions(null);
    if (!selected) return;
    void get<DemandSuggestions>(`/ssc-exchange/demands/${selected}/suggestions`).then(({ data }) => setSuggestions(data));
  }, [selected, get]);

  const createMatch = async (suggestion: AdminSuggestion) => {
    if (!suggestions) return;
    try {
      const { data } = await post<CreatedMatch>('/ssc-exchange/matches', {
        demand: suggestions.demand.documentId,
        candidate: { type: suggestion.type, documentId: suggestion.documentId },
      });
      setMessage(
        <>
          {data.message} <Link to={data.editPath}>Open the match</Link> to advance it.
        </>,
      );
    } catch (error) {
      setMessage(`Refused: ${(error as Error).message}`);
    }
  };

  const demand = demands?.find((d) => d.documentId === selected);
  if (demands === null) return <AdminPage title="Exchange">{<Typography>Only brokers and the chief editor use the solutions exchange.</Typography>}</AdminPage>;
  return (
    <AdminPage title="Exchange">
      {message ? (
        <Box background="neutral0" padding={4} hasRadius>
          <Typography role="status" data-testid="exchange-message">
            {message}
          </Typography>
        </Box>
      ) : null}
      <Panel gap={4} title="Submissions awaiting moderation">
        {submissions.length ? (
          <Table colCount={6} rowCount={submissions.length + 1}>
            <HeadRow labels={['Type', 'Title', 'Languages', 'Organization', 'Moderation', '']} />
            <Tbody>
              {submissions.map((s) => (
                <SubmissionRow key={s.documentId} submission={s} onAnswer={() => setAnswering(s)} />
              ))}
            </Tbody>
          </Table>
        ) : (
          <Typography>No submission is waiting.</Typography>
        )}
        {answering ? (
          <ModerationForm
            key={answering.documentId}
            submission={answering}
            onDone={(text) => {
              setMessage(text);
              setAnswering(null);
              void load();
            }}
          />
        ) : null}
      </Panel>
      <Panel gap={4} title="Open demands">
        <Table colCount={6} rowCount={(demands?.length ?? 0) + 1}>
          <HeadRow labels={['Demand', 'Languages', 'Institution', 'State', 'Status', '']} />
          <Tbody>
            {(demands ?? []).map((d) => (
              <DemandRow key={d.documentId} demand={d} selected={d.documentId === selected} onSelect={() => setSelected(d.documentId)} />
            ))}
          </Tbody>
        </Table>
      </Panel>
      {demand ? (
        <Panel gap={4} title={`Suggestions for “${demand.title}”`}>
          {suggestions ? (
            <div data-testid="exchange-suggestions">
              <Table colCount={6} rowCount={suggestions.suggestions.length + 1}>
                <HeadRow labels={['#', 'Type', 'Candidate (languages)', 'Reasons', 'Score', '']} />
                <Tbody>
                  {suggestions.suggestions.map((s, i) => (
                    <SuggestionRow key={s.documentId} rank={i + 1} suggestion={s} onCreate={() => void createMatch(s)} />
                  ))}
                </Tbody>
              </Table>
            </div>
          ) : (
            <Typography>Loading suggestions…</Typography>
          )}
          {suggestions && !suggestions.suggestions.length ? (
            <Typography>No published offer or solution shares a theme or answers the support sought.</Typography>
          ) : null}
        </Panel>
      ) : null}
    </AdminPage>
  );
}
