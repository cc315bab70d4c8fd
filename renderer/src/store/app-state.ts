/**
 * The one store's full shape: the union of its slices. Slices are written against this type so
 * that an action in one slice can read (never write) another slice's state through `get()`.
 */
import type { WizardSlice } from './wizard-slice.ts';
import type { DiscoverySlice } from './discovery-slice.ts';
import type { SettingsSlice } from './settings-slice.ts';
import type { VerifySlice } from './verify-slice.ts';
import type { ExportSlice } from './export-slice.ts';
import type { HealthSlice } from './health-slice.ts';
import type { ManualCheckSlice } from './manual-check-slice.ts';
import type { FinishSlice } from './finish-slice.ts';
import type { StateCreator } from 'zustand/vanilla';

export type AppState = WizardSlice &
  DiscoverySlice &
  SettingsSlice &
  ManualCheckSlice &
  VerifySlice &
  ExportSlice &
  HealthSlice &
  FinishSlice;

export type SliceCreator<Slice> = StateCreator<AppState, [], [], Slice>;

/** A sentence for the live region: an i18n key (with namespace) and its values. */
export interface Announcement {
  key: string;
  params?: Record<string, string | number>;
  /** Increases with every announcement, so that repeating a sentence is announced again. */
  id: number;
}
