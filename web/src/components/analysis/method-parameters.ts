/**
 * The few parameters an analyst sets per method, as form fields, and how their text becomes
 * the API's `parameters` (empty fields are left out: the method's defaults apply and are
 * recorded in the snapshot).
 */
import type { AnalysisMethod } from './analysis-api.ts';

export type ParameterKind = 'number' | 'integer' | 'list' | 'choice' | 'flag';

export interface ParameterField {
  name: string;
  kind: ParameterKind;
  /** For 'choice'. */
  options?: readonly string[];
  /** Message key under web.analysis.parameter. when not the name. */
  label?: string;
  /** Shown as the placeholder: what applies when the field is left empty. */
  placeholder?: string;
}

export const parameterFields: Record<AnalysisMethod, ParameterField[]> = {
  'kernel-density': [
    { name: 'radius', kind: 'number' },
    { name: 'cellSize', kind: 'number' },
  ],
  'getis-ord': [
    { name: 'cellSize', kind: 'number' },
    { name: 'neighbourhood', kind: 'choice', options: ['queen', 'rook', 'distance'] },
    { name: 'distance', kind: 'number', label: 'distanceBand' },
    { name: 'q', kind: 'number', placeholder: '0.05' },
  ],
  'near-repeat': [
    { name: 'spatialBands', kind: 'list', placeholder: '0,100,200,300,400,500,600' },
    { name: 'temporalBands', kind: 'list', placeholder: '0,7,14,21,28' },
    { name: 'distance', kind: 'choice', options: ['manhattan', 'euclidean'] },
    { name: 'permutations', kind: 'integer', placeholder: '99' },
    { name: 'seed', kind: 'integer', placeholder: '1' },
    { name: 'singlePrecision', kind: 'flag' },
  ],
  concentration: [
    { name: 'unit', kind: 'choice', options: ['location', 'area'] },
    { name: 'tolerance', kind: 'number', placeholder: '1' },
    { name: 'placeCount', kind: 'integer' },
  ],
  'hour-of-week': [],
  trend: [
    { name: 'interval', kind: 'choice', options: ['auto', 'week', 'month'] },
    { name: 'alpha', kind: 'number', placeholder: '0.01' },
  ],
};

/** Form texts → API parameters; a text that is not a number is passed on for the API to refuse by name. */
export function parametersFrom(method: AnalysisMethod, values: Record<string, string | boolean>) {
  const parameters: Record<string, unknown> = {};
  for (const field of parameterFields[method]) {
    const raw = values[`${method}.${field.name}`];
    if (field.kind === 'flag') {
      if (raw === true) parameters[field.name] = true;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') continue;
    if (field.kind === 'choice') parameters[field.name] = text;
    else if (field.kind === 'list')
      parameters[field.name] = text
        .split(/[,;\s]+/)
        .filter(Boolean)
        .map((part) => toNumber(part));
    else parameters[field.name] = toNumber(text);
  }
  return parameters;
}

function toNumber(text: string): number | string {
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : text;
}
