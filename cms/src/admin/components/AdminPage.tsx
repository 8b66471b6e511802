/** The frame of a page of our own in the admin panel: its title, actions on the right, then its sections. */
import * as React from 'react';
import { Box, Flex, Main, Typography } from '@strapi/design-system';

export function AdminPage({ title, actions, children }: { title: string; actions?: React.ReactNode; children: React.ReactNode }) {
  return (
    <Main>
      <Box padding={8}>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Flex justifyContent="space-between">
            <Typography variant="alpha" tag="h1">
              {title}
            </Typography>
            {actions}
          </Flex>
          {children}
        </Flex>
      </Box>
    </Main>
  );
}
