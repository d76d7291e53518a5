/** Every analysis method, by name: the web, the job worker and the CLI use the same definitions. */
import type { AnalysisMethodDefinition } from './analysis-method.ts';
import type { AnalysisMethod } from './analyses.schema.ts';
import { concentrationMethod } from './methods/concentration.method.ts';
import { getisOrdMethod } from './methods/getis-ord.method.ts';
import { hourOfWeekMethod } from './methods/hour-of-week.method.ts';
import { kernelDensityMethod } from './methods/kernel-density.method.ts';
import { nearRepeatMethod } from './methods/near-repeat.method.ts';
import { trendMethod } from './methods/trend.method.ts';

// Each definition is typed by its own parameter schema; the registry sees them through the
// common interface (their run is only called with parameters checked against that schema).
const erase = (definition: unknown) => definition as AnalysisMethodDefinition;

export const analysisMethodDefinitions: Record<AnalysisMethod, AnalysisMethodDefinition> = {
  'kernel-density': erase(kernelDensityMethod),
  'getis-ord': erase(getisOrdMethod),
  'near-repeat': erase(nearRepeatMethod),
  concentration: erase(concentrationMethod),
  'hour-of-week': erase(hourOfWeekMethod),
  trend: erase(trendMethod),
};
