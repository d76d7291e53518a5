/** Deployment settings (GET /api/config) and the zone the current page is about. */
import type { Static } from 'typebox';
import type { PublicZone, ZoneContactSchema } from '../../../src/modules/zones/zones.schema.ts';
import { api } from './api.ts';

export type { PublicZone };
export type ZoneContact = Static<typeof ZoneContactSchema>;

export interface ClientConfig {
  tileUrl: string | null;
  tileAttribution: string | null;
  defaultZone: string | null;
  outbox: boolean;
  demoAccounts: { email: string; role: string; password: string }[];
}

export const appState = $state<{
  config: ClientConfig | null;
  zone: PublicZone | null;
  zoneError: string | null;
}>({
  config: null,
  zone: null,
  zoneError: null,
});

export async function loadConfig(): Promise<void> {
  appState.config = await api.get<ClientConfig>('/api/config');
}

export async function loadZone(slug: string): Promise<void> {
  if (appState.zone?.slug === slug) return;
  try {
    appState.zone = await api.get<PublicZone>(`/api/zones/${encodeURIComponent(slug)}`);
    appState.zoneError = null;
  } catch (error) {
    appState.zone = null;
    appState.zoneError = (error as Error).message;
  }
}
