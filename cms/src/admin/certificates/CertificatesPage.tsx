/**
 * The "Certificates" page. Every editor sees per-course counts (enrolments,
 * completions, certificates by language). The chief editor also sees the latest certificates (id, course,
 * language, dates; never a learner), a search by credential id (as printed on the
 * certificate or found in its JSON), and a button to revoke one. Revoking publishes the
 * status list with the next site build, which it requests.
 */
import * as React from 'react';
import { Box, Button, Field, Flex, Main, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { CertificateListing } from '../../lib/learning/certificates/admin-routes';
import type { CourseCount } from '../../lib/learning/certificates/course-counts';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '–');

export default function CertificatesPage() {
  const { get, post } = useFetchClient();
  const [certificates, setCertificates] = React.useState<CertificateListing[] | null | undefined>(undefined); // null: refused
  const [query, setQuery] = React.useState('');
  const [message, setMessage] = React.useState<string | null>(null);
  const [counts, setCounts] = React.useState<CourseCount[]>([]);

  const load = React.useCallback(
    async (id = '') => {
      try {
        const { data } = await get<{ certificates: CertificateListing[] }>(`/ssc-learning/certificates${id ? `?id=${encodeURIComponent(id)}` : ''}`);
        setCertificates(data.certificates);
      } catch {
        setCertificates(null);
      }
    },
    [get],
  );

  React.useEffect(() => {
    void load();
    void get<{ courses: CourseCount[] }>('/ssc-learning/counts').then(({ data }) => setCounts(data.courses));
  }, [load, get]);

  const revoke = async (id: string) => {
    if (!window.confirm(`Revoke certificate ${id}? Verifiers will see it as revoked after the next site build.`)) return;
    try {
      await post(`/ssc-learning/certificates/${id}/revoke`, {});
      setMessage(`Certificate ${id} revoked; the site rebuild was requested.`);
    } catch (error) {
      setMessage(`Refused: ${(error as Error).message}`);
    }
    await load(query.trim());
  };

  return (
    <Main>
      <Box padding={8}>
        <Typography variant="alpha" tag="h1">
          Certificates
        </Typography>
        <Box paddingTop={4} paddingBottom={6}>
          <Table colCount={5} rowCount={counts.length + 1}>
            <Thead>
              <Tr>
                <Th>Course</Th>
                <Th>Language</Th>
                <Th>Enrolments</Th>
                <Th>Completions</Th>
                <Th>Certificates</Th>
              </Tr>
            </Thead>
            <Tbody>
              {counts.map((c) => (
                <Tr key={`${c.courseDocumentId}-${c.locale}`}>
                  <Td>
                    <Typography>{c.title ?? c.courseDocumentId}</Typography>
                  </Td>
                  <Td>
                    <Typography>{c.locale}</Typography>
                  </Td>
                  <Td>
                    <Typography>{c.enrolments ?? '–'}</Typography>
                  </Td>
                  <Td>
                    <Typography>{c.completions ?? '–'}</Typography>
                  </Td>
                  <Td>
                    <Typography>{c.certificates}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Box>
        {certificates === null ? (
          <Typography>Only the chief editor lists and revokes certificates.</Typography>
        ) : (
          <>
            <Box paddingTop={4} paddingBottom={4}>
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  void load(query.trim());
                }}
              >
                <Flex gap={2} alignItems="flex-end">
                  <Field.Root name="certificate-id">
                    <Field.Label>Credential id</Field.Label>
                    <Field.Input value={query} placeholder="urn:uuid:…" onChange={(e: React.ChangeEvent<HTMLInputElement>) => setQuery(e.target.value)} />
                  </Field.Root>
                  <Button type="submit">Find</Button>
                </Flex>
              </form>
            </Box>
            {message ? (
              <Box paddingBottom={4}>
                <Typography role="status">{message}</Typography>
              </Box>
            ) : null}
            <Table colCount={5} rowCount={(certificates?.length ?? 0) + 1}>
              <Thead>
                <Tr>
                  <Th>Credential</Th>
                  <Th>Course</Th>
                  <Th>Language</Th>
                  <Th>Issued</Th>
                  <Th>Status</Th>
                </Tr>
              </Thead>
              <Tbody>
                {(certificates ?? []).map((c) => (
                  <Tr key={c.id}>
                    <Td>
                      <Typography>{c.id}</Typography>
                    </Td>
                    <Td>
                      <Typography>{c.courseDocumentId}</Typography>
                    </Td>
                    <Td>
                      <Typography>{c.locale}</Typography>
                    </Td>
                    <Td>
                      <Typography>{when(c.issuedAt)}</Typography>
                    </Td>
                    <Td>
                      {c.revokedAt ? (
                        <Typography>Revoked {when(c.revokedAt)}</Typography>
                      ) : (
                        <Button variant="danger-light" onClick={() => void revoke(c.id)}>
                          Revoke
                        </Button>
                      )}
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </>
        )}
      </Box>
    </Main>
  );
}
