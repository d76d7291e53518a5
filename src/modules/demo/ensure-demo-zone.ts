/** Placeholder replaced when the demo module lands (areas and officers first). */
import type { AppContext } from '../../platform/app-context.ts';

export async function ensureDemoZone(_context: AppContext): Promise<{ created: boolean; slug: string; areas: number; officers: number }> {
  return { created: false, slug: 'gent', areas: 0, officers: 0 };
}
