/**
 * `nabij analyse <method>`: the analyst pages' methods from the terminal, on the zone's
 * incidents in the database (zone, areas, crime types, period) or on a CSV file (`--input`
 * with its columns, CRS and date format). The same method definitions as the web, so the
 * numbers agree; a readable table by default, `--format json` for machines.
 */
import { Value } from 'typebox/value';
import type { RunningContext } from '../../platform/create-app-context.ts';
import { ConfigError } from '../../platform/config/config.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import { analysisMethods, type AnalysisMethod } from '../../modules/analyses/analyses.schema.ts';
import { runMethod, type MethodEvents, type MethodSetting } from '../../modules/analyses/analysis-method.ts';
import { analysisMethodDefinitions } from '../../modules/analyses/analysis-methods.ts';
import { buildMethodSetting } from '../../modules/analyses/build-method-setting.ts';
import { getIncidentOverview } from '../../modules/analyses/get-incident-overview.ts';
import { loadAnalysisEvents } from '../../modules/analyses/load-analysis-events.ts';
import { readEventsCsv } from '../../modules/analyses/read-events-csv.ts';
import { dateFormats, type DateFormat } from '../../modules/incidents/parse-incident-date.ts';
import { findZoneBySlug } from '../../modules/zones/zones.repository.ts';
import { printAnalysis } from './print-analysis.ts';

type Options = Record<string, string | boolean | undefined>;
type Kind = 'number' | 'integer' | 'text' | 'numbers' | 'flag';

/** Command-line flags of each method → its parameters. */
const flags: Record<AnalysisMethod, Record<string, [string, Kind]>> = {
  'kernel-density': { radius: ['radius', 'number'], 'cell-size': ['cellSize', 'number'] },
  'getis-ord': {
    'cell-size': ['cellSize', 'number'],
    neighbourhood: ['neighbourhood', 'text'],
    band: ['distance', 'number'],
    q: ['q', 'number'],
  },
  'near-repeat': {
    'spatial-bands': ['spatialBands', 'numbers'],
    'temporal-bands': ['temporalBands', 'numbers'],
    distance: ['distance', 'text'],
    permutations: ['permutations', 'integer'],
    seed: ['seed', 'integer'],
    'single-precision': ['singlePrecision', 'flag'],
  },
  concentration: {
    unit: ['unit', 'text'],
    tolerance: ['tolerance', 'number'],
    places: ['placeCount', 'integer'],
  },
  'hour-of-week': {},
  trend: { interval: ['interval', 'text'], alpha: ['alpha', 'number'], 'min-count': ['minCount', 'integer'] },
};

/** Every flag any method reads (the CLI parser must know them to take their values). */
export const analyseFlags = [
  ...new Set(
    Object.values(flags).flatMap((map) => Object.keys(map).filter((flag) => map[flag]?.[1] !== 'flag')),
  ),
  'input',
  'time',
  'area',
  'categories',
  'from',
  'to',
];

function parameterValue(flag: string, kind: Kind, raw: string | boolean): unknown {
  if (kind === 'flag') return raw === true || raw === 'true';
  const text = String(raw);
  if (kind === 'text') return text;
  const number = (part: string) => {
    const value = Number(part.trim());
    if (part.trim() === '' || !Number.isFinite(value))
      throw new ConfigError(`--${flag}`, `"${part}" is not a number`);
    return value;
  };
  return kind === 'numbers' ? text.split(',').map(number) : number(text);
}

export function parametersFromFlags(method: AnalysisMethod, options: Options): Record<string, unknown> {
  const definition = analysisMethodDefinitions[method];
  const parameters: Record<string, unknown> = {};
  for (const [flag, [name, kind]] of Object.entries(flags[method])) {
    const raw = options[flag];
    if (raw !== undefined) parameters[name] = parameterValue(flag, kind, raw);
  }
  const filled = Value.Default(definition.parameters, parameters) as Record<string, unknown>;
  if (!Value.Check(definition.parameters, filled)) {
    const byName = Object.fromEntries(Object.entries(flags[method]).map(([flag, [name]]) => [name, flag]));
    const problems = [...Value.Errors(definition.parameters, filled)].slice(0, 5).map((error) => {
      const name = error.instancePath.split('/')[1] ?? '';
      return `--${byName[name] ?? name}: ${error.message}`;
    });
    throw new ConfigError(problems[0]?.split(':')[0] ?? '--parameters', problems.join('; '));
  }
  return filled;
}

function text(options: Options, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

interface Loaded {
  events: MethodEvents;
  setting: MethodSetting;
  source: Record<string, unknown>;
}

async function fromCsv(options: Options, input: string): Promise<Loaded> {
  const need = (name: string) => {
    const value = text(options, name);
    if (!value) throw new ConfigError(`--${name}`, 'is required with --input');
    return value;
  };
  const dateFormat = (text(options, 'date-format') ?? 'iso') as DateFormat;
  if (!dateFormats.includes(dateFormat))
    throw new ConfigError('--date-format', `use one of ${dateFormats.join(', ')}`);
  const timeZone = text(options, 'time-zone') ?? 'Europe/Brussels';
  const read = await readEventsCsv({
    file: input,
    x: need('x'),
    y: need('y'),
    time: need('time'),
    dateFormat,
    crs: text(options, 'crs') ?? 'EPSG:4326',
    timeZone,
  });
  for (const row of read.skipped) console.error(`line ${row.line}: ${row.reason} (skipped)`);
  if (read.skippedCount > read.skipped.length)
    console.error(`… ${read.skippedCount - read.skipped.length} more rows skipped`);
  return {
    events: read.events,
    setting: { timeZone, projection: read.projection, inStudyArea: null, areas: [], period: null },
    source: { input, rows: read.rows, skipped: read.skippedCount, crs: text(options, 'crs') ?? 'EPSG:4326' },
  };
}

async function fromDatabase(context: RunningContext, options: Options): Promise<Loaded> {
  const slug = text(options, 'zone');
  if (!slug) throw new ConfigError('--zone', 'is required (or give a CSV file with --input)');
  const zone = await findZoneBySlug(context.db, slug);
  if (!zone) throw new AppError('zone_not_found', { zone: slug });
  const codes =
    text(options, 'area')
      ?.split(',')
      .map((c) => c.trim()) ?? [];
  const areas = codes.length
    ? await context.db
        .selectFrom('areas')
        .select(['id', 'code'])
        .where('zone_id', '=', zone.id)
        .where('code', 'in', codes)
        .execute()
    : [];
  const unknown = codes.filter((code) => !areas.some((area) => area.code === code));
  if (unknown.length) throw new ConfigError('--area', `no area with code ${unknown.join(', ')} in ${slug}`);
  const overview = await getIncidentOverview(context, zone);
  const from = text(options, 'from') ?? overview.firstDate?.slice(0, 10);
  const to = text(options, 'to') ?? overview.lastDate?.slice(0, 10);
  if (!from || !to) throw new ConfigError('--zone', `${slug} has no incidents yet: import some first`);
  const filters = {
    areaIds: areas.map((area) => area.id),
    crimeTypes:
      text(options, 'categories')
        ?.split(',')
        .map((c) => c.trim()) ?? [],
    from,
    to,
  };
  const events = await loadAnalysisEvents(context, zone, filters);
  const setting = await buildMethodSetting(context, zone, filters, events.studyAreaIds);
  return { events, setting, source: { zone: slug, ...filters, areaCodes: codes } };
}

export async function analyseCommand(
  options: Options,
  method: string | undefined,
  withContext: <T>(run: (context: RunningContext) => Promise<T>) => Promise<T>,
): Promise<number> {
  if (!method || !(analysisMethods as readonly string[]).includes(method))
    throw new ConfigError('analyse <method>', `name one of ${analysisMethods.join(', ')}`);
  const name = method as AnalysisMethod;
  const format = text(options, 'format') ?? 'table';
  if (format !== 'table' && format !== 'json') throw new ConfigError('--format', 'use table or json');
  const parameters = parametersFromFlags(name, options);
  const input = text(options, 'input');
  const run = async (loaded: Loaded) => {
    const output = await runMethod(
      analysisMethodDefinitions[name],
      loaded.events,
      parameters,
      loaded.setting,
    );
    return { loaded, output };
  };
  const { loaded, output } = input
    ? await run(await fromCsv(options, input))
    : await withContext(async (context) => run(await fromDatabase(context, options)));
  // The map image is for the web page; a terminal has no use for it.
  const { image: _image, ...result } = output.result as Record<string, unknown>;
  if (format === 'json') {
    const limits = output.limits.map((note) => ({
      ...note,
      text: translate('en', note.key, note.params ?? {}),
    }));
    console.log(
      JSON.stringify(
        {
          method: name,
          source: loaded.source,
          parameters,
          events: loaded.events.x.length,
          used: output.used,
          result,
          limits,
        },
        null,
        2,
      ),
    );
  } else {
    console.log(`${name} on ${output.used} of ${loaded.events.x.length} events\n`);
    console.log(printAnalysis(name, result, output.limits));
  }
  return 0;
}
