/** A zone's signal settings with the defaults filled in. */
import type { SignalSettings, Zone } from '../../platform/database/tables.ts';

export const defaultSignalSettings: SignalSettings = {
  duplicateRadiusM: 250,
  duplicateWindowDays: 30,
  anonymityHouseholds: 8,
  smallCountThreshold: 3,
  questionnaireDelayDays: 28,
  digestHour: 7,
};

export function signalSettings(zone: Pick<Zone, 'signal_settings'>): SignalSettings {
  return { ...defaultSignalSettings, ...zone.signal_settings };
}
