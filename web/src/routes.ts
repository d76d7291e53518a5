/**
 * Every page of the web app and its URL. Pages load on demand, so a
 * resident's page does not carry the admin screens' code.
 */
import type { Component } from 'svelte';

export interface PageProps {
  params: Record<string, string>;
}

export interface RouteDefinition {
  pattern: string;
  /** Pages under a zone load that zone first (branding, languages, demo banner). */
  load: () => Promise<{ default: Component<PageProps> }>;
}

export const routes: RouteDefinition[] = [
  { pattern: '/', load: () => import('./pages/ZoneChooserPage.svelte') },
  { pattern: '/login', load: () => import('./pages/LoginPage.svelte') },
  { pattern: '/forgot-password', load: () => import('./pages/ForgotPasswordPage.svelte') },
  { pattern: '/reset-password', load: () => import('./pages/ResetPasswordPage.svelte') },
  { pattern: '/account', load: () => import('./pages/AccountPage.svelte') },
  { pattern: '/outbox', load: () => import('./pages/OutboxPage.svelte') },
  { pattern: '/:zone', load: () => import('./pages/HomePage.svelte') },
  { pattern: '/:zone/officer', load: () => import('./pages/OfficerLookupPage.svelte') },
  { pattern: '/:zone/report', load: () => import('./pages/ReportPage.svelte') },
  { pattern: '/:zone/signals', load: () => import('./pages/PublicSignalsPage.svelte') },
  { pattern: '/track/:token', load: () => import('./pages/TrackPage.svelte') },
  { pattern: '/:zone/about', load: () => import('./pages/ZonePage.svelte') },
  { pattern: '/:zone/privacy', load: () => import('./pages/LegalPage.svelte') },
  { pattern: '/:zone/terms', load: () => import('./pages/LegalPage.svelte') },
  { pattern: '/:zone/admin', load: () => import('./pages/admin/AdminIndexPage.svelte') },
  { pattern: '/:zone/admin/areas', load: () => import('./pages/admin/AdminAreasPage.svelte') },
  { pattern: '/:zone/admin/users', load: () => import('./pages/admin/AdminUsersPage.svelte') },
  { pattern: '/:zone/admin/officers', load: () => import('./pages/admin/AdminOfficersPage.svelte') },
  { pattern: '/:zone/admin/settings', load: () => import('./pages/admin/AdminSettingsPage.svelte') },
  { pattern: '/:zone/admin/audit', load: () => import('./pages/admin/AdminAuditPage.svelte') },
  { pattern: '/:zone/admin/categories', load: () => import('./pages/admin/AdminCategoriesPage.svelte') },
  { pattern: '/:zone/admin/open311', load: () => import('./pages/admin/AdminOpen311Page.svelte') },
  { pattern: '/:zone/analysis', load: () => import('./pages/analysis/AnalysisPage.svelte') },
  { pattern: '/:zone/analysis/import', load: () => import('./pages/analysis/IncidentImportPage.svelte') },
  { pattern: '/:zone/analysis/snapshots/:id', load: () => import('./pages/analysis/SnapshotPage.svelte') },
  { pattern: '/:zone/staff/signals', load: () => import('./pages/staff/StaffSignalsPage.svelte') },
  // "new" before ":id": the first matching pattern wins.
  { pattern: '/:zone/staff/signals/new', load: () => import('./pages/staff/StaffRecordSignalPage.svelte') },
  { pattern: '/:zone/staff/signals/:id', load: () => import('./pages/staff/StaffSignalPage.svelte') },
];

/** Top-level paths that are not zone slugs. */
export const reservedPaths = new Set([
  'login',
  'forgot-password',
  'reset-password',
  'account',
  'outbox',
  'track',
  'api',
]);
