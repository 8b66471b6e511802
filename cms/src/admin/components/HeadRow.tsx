/** A table's head row: one column heading per label. */
import { Th, Thead, Tr, Typography } from '@strapi/design-system';

export function HeadRow({ labels }: { labels: readonly string[] }) {
  return (
    <Thead>
      <Tr>
        {labels.map((label) => (
          <Th key={label}>
            <Typography variant="sigma">{label}</Typography>
          </Th>
        ))}
      </Tr>
    </Thead>
  );
}
