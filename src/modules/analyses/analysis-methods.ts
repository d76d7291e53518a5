/** Every analysis method, by name. */
import type { AnalysisMethodDefinition } from './analysis-method.ts';
import type { AnalysisMethod } from './analyses.schema.ts';
import { kernelDensityMethod } from './methods/kernel-density.method.ts';

export const analysisMethodDefinitions: Partial<Record<AnalysisMethod, AnalysisMethodDefinition>> = {
  'kernel-density': kernelDensityMethod as unknown as AnalysisMethodDefinition,
};
