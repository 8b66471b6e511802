/** A white panel with a heading, for the sections of our admin pages. */
import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

export function Panel({ title, gap = 2, children }: { title: React.ReactNode; gap?: number; children: React.ReactNode }) {
  return (
    <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
      <Flex direction="column" alignItems="stretch" gap={gap}>
        <Typography variant="delta" tag="h2">
          {title}
        </Typography>
        {children}
      </Flex>
    </Box>
  );
}
