/** Deployment settings (GET /api/config) and the zone the current page is about. */
import { api } from './api.ts';
import type { Language, LocalizedText } from './i18n.svelte.ts';

export interface ClientConfig {
  tileUrl: string | null;
  tileAttribution: string | null;
  defaultZone: string | null;
  outbox: boolean;
  demoAccounts: { email: string; role: string; password: string }[];
}

export interface ZoneContact {
  phone: string | null;
  email: string | null;
  address: string | null;
  website: string | null;
  openingHours: LocalizedText;
}

export interface PublicZone {
  id: string;
  slug: string;
  name: string;
  languages: Language[];
  defaultLanguage: Language;
  timeZone: string;
  projection: string;
  contact: ZoneContact;
  branding: { logoUrl: string | null; primaryColour: string; accentColour: string };
  legal: { privacyNotice: LocalizedText; terms: LocalizedText };
  isDemo: boolean;
  hasAddresses: boolean;
  signalSettings: {
    duplicateRadiusM: number;
    duplicateWindowDays: number;
    anonymityHouseholds: number;
    smallCountThreshold: number;
    questionnaireDelayDays: number;
    digestHour: number;
  };
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
