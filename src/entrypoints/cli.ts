/**
 * Command-line tasks: `npm run cli -- <command> [options]`.
 * In embedded mode the CLI opens the data folder itself, so it refuses while a
 * server holds it (stop the server first); with PostgreSQL it runs beside it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { jobDefinitions } from '../modules/index.ts';
import { importAddresses } from '../modules/addresses/import-addresses.ts';
import { importAreas } from '../modules/areas/import-areas.ts';
import { ensureDemoZone } from '../modules/demo/ensure-demo-zone.ts';
import { findZoneBySlug } from '../modules/zones/zones.repository.ts';
import { createZone } from '../modules/zones/create-zone.ts';
import { createAccountFromCli } from '../modules/accounts/create-account-from-cli.ts';
import { importIncidentsCommand, mappingFromFlags } from './cli/import-incidents-command.ts';
import { analyseCommand, analyseFlags } from './cli/analyse-command.ts';
import { verifyAuditChain } from '../platform/audit/verify-audit-chain.ts';
import { ConfigError, readConfig } from '../platform/config/config.ts';
import { createAppContext, type RunningContext } from '../platform/create-app-context.ts';
import { DataFolderBusyError } from '../platform/database/data-folder-lock.ts';
import type { AreaKind, Language, Role } from '../platform/database/tables.ts';
import { isLanguage } from '../platform/i18n/i18n.ts';
import { AppError } from '../platform/errors/error-catalogue.ts';
import { translate } from '../platform/i18n/i18n.ts';

const usage = `Nabij command line — npm run cli -- <command> [options]

  migrate                       Run the database migrations to the latest version.
  verify-audit                  Recompute the audit hash chain; exit 1 and name the first broken entry.
  demo                          Load the demo zone (Ghent) if it is not there yet.
  create-zone --slug S --name N [--languages nl,fr,de,en] [--default-language nl]
              [--time-zone Europe/Brussels] [--projection EPSG:31370]
  create-account --email E --name N [--password P] [--operator] [--zone S --role R]
                                Without --password, prints a link to choose one (also mailed).
  import-areas --zone S --file F [--kind neighbourhood|district|sector] [--parent CODE]
              [--object NAME] [--name-property P] [--code-property P] [--population-property P]
              [--where PROPERTY=V1,V2] [--name-language nl] [--dry-run]
                                Import GeoJSON/TopoJSON areas and print the report per feature.
  import-incidents --zone S --file F.csv [--format nabij|police-uk|mapped] [--all-or-nothing]
              mapped: --date-column C --date-format yyyy-mm-dd|dd/mm/yyyy|mm/dd/yyyy|dd-mm-yyyy|dd.mm.yyyy|yyyy-mm|iso
                      [--time-column C] [--date-to-column C] --x C --y C [--crs EPSG:4326]
                      (--category-column C | --category "Burglary") [--id-column C] [--outcome-column C] [--location-column C]
                                Import incidents (streamed; progress bar, then a summary).
  analyse <method> [--format table|json]   Methods: kernel-density, getis-ord, near-repeat, concentration,
                                hour-of-week, trend. Events from the database:
              --zone S [--area CODE,…] [--categories "Burglary,Drugs"] [--from yyyy-mm-dd] [--to yyyy-mm-dd]
                                or from a CSV file:
              --input F.csv --x C --y C --time C [--date-format F] [--crs EPSG:4326] [--time-zone Europe/Brussels]
              kernel-density: [--radius M] [--cell-size M]
              getis-ord:      [--cell-size M] [--neighbourhood queen|rook|distance] [--band M] [--q 0.05]
              near-repeat:    [--spatial-bands 0,100,…,600] [--temporal-bands 0,7,14,21,28]
                              [--distance manhattan|euclidean] [--permutations 99] [--seed 1] [--single-precision]
              concentration:  [--unit location|area] [--tolerance 1] [--places N]
              trend:          [--interval auto|week|month] [--alpha 0.01] [--min-count 5]
  import-addresses --zone S --file F.csv
                                Replace the zone's address list (street,house_number,postcode,municipality,lon,lat).
`;

type Options = Record<string, string | boolean | undefined>;

function required(options: Options, name: string): string {
  const value = options[name];
  if (typeof value !== 'string' || value === '') {
    throw new ConfigError(`--${name}`, 'is required for this command');
  }
  return value;
}

async function withContext<T>(run: (context: RunningContext) => Promise<T>): Promise<T> {
  const context = await createAppContext(readConfig(), { jobDefinitions });
  try {
    await context.jobs.start();
    return await run(context);
  } finally {
    await context.close();
  }
}

async function zoneBySlug(context: RunningContext, slug: string) {
  const zone = await findZoneBySlug(context.db, slug);
  if (!zone) throw new AppError('zone_not_found', { zone: slug });
  return zone;
}

const commands: Record<string, (options: Options) => Promise<number>> = {
  async migrate() {
    await withContext(async () => undefined);
    console.log('Migrations are up to date.');
    return 0;
  },
  async 'verify-audit'() {
    const result = await withContext((context) => verifyAuditChain(context.db));
    if (result.ok) {
      console.log(`Audit chain intact: ${result.entries} entries, head ${result.headHash.slice(0, 16)}…`);
      return 0;
    }
    console.error(
      `Audit chain BROKEN at entry ${result.brokenAt.seq}${result.brokenAt.id ? ` (id ${result.brokenAt.id})` : ''}: ${result.reason}.`,
    );
    console.error(`${result.entries} entries before it are intact.`);
    return 1;
  },
  async demo() {
    const result = await withContext((context) => ensureDemoZone(context));
    console.log(
      result.created ? `Demo zone "${result.slug}" loaded.` : `Demo zone "${result.slug}" already exists.`,
    );
    return 0;
  },
  async 'create-zone'(options) {
    const languages = String(options['languages'] ?? 'nl,fr,de,en')
      .split(',')
      .map((l) => l.trim());
    if (!languages.every(isLanguage)) throw new ConfigError('--languages', 'use nl, fr, de and/or en');
    const created = await withContext((context) =>
      context.db.transaction().execute((trx) =>
        createZone(context, trx, null, 'en', {
          slug: required(options, 'slug'),
          name: required(options, 'name'),
          languages: languages as Language[],
          defaultLanguage:
            (options['default-language'] as Language | undefined) ?? (languages[0] as Language),
          timeZone: String(options['time-zone'] ?? 'Europe/Brussels'),
          projection: String(options['projection'] ?? 'EPSG:31370'),
        }),
      ),
    );
    console.log(`Zone "${created.slug}" created (${created.id}).`);
    return 0;
  },
  async 'create-account'(options) {
    const result = await withContext((context) =>
      createAccountFromCli(context, {
        email: required(options, 'email'),
        name: required(options, 'name'),
        password: typeof options['password'] === 'string' ? options['password'] : undefined,
        operator: options['operator'] === true,
        zoneSlug: typeof options['zone'] === 'string' ? options['zone'] : undefined,
        role: typeof options['role'] === 'string' ? (options['role'] as Role) : undefined,
      }),
    );
    console.log(`Account ${result.email} ${result.created ? 'created' : 'updated'}.`);
    if (result.link) console.log(`Choose the password here (valid 7 days): ${result.link}`);
    return 0;
  },
  async analyse(options) {
    return analyseCommand(options, options['method'] as string | undefined, withContext);
  },
  async 'import-areas'(options) {
    const file = required(options, 'file');
    const where = typeof options['where'] === 'string' ? options['where'] : undefined;
    const [whereProperty, whereValues] = where ? where.split('=') : [];
    const report = await withContext(async (context) =>
      importAreas(context, await zoneBySlug(context, required(options, 'zone')), null, {
        fileName: path.basename(file),
        content: readFileSync(file, 'utf8'),
        kind: (options['kind'] as AreaKind | undefined) ?? 'neighbourhood',
        parentCode: options['parent'] as string | undefined,
        topojsonObject: options['object'] as string | undefined,
        nameProperty: options['name-property'] as string | undefined,
        codeProperty: options['code-property'] as string | undefined,
        populationProperty: options['population-property'] as string | undefined,
        nameLanguage: isLanguage(options['name-language']) ? options['name-language'] : undefined,
        where:
          whereProperty && whereValues
            ? { property: whereProperty, values: whereValues.split(',') }
            : undefined,
        dryRun: options['dry-run'] === true,
      }),
    );
    for (const feature of report.features) {
      const warnings = feature.warnings
        .map((w) => `${w.code}${w.count > 1 ? ` ×${w.count}` : ''}`)
        .join(', ');
      const why = feature.reason ? ` — ${feature.reason}${feature.detail ? ` (${feature.detail})` : ''}` : '';
      console.log(
        `#${feature.index} ${feature.name ?? '?'} [${feature.code ?? '-'}]: ${feature.status}${feature.updated ? ' (updated)' : ''}${warnings ? ` — repaired: ${warnings}` : ''}${why}`,
      );
    }
    console.log(
      `\n${report.dryRun ? 'Dry run: nothing written. ' : ''}${report.imported} imported, ${report.repaired} repaired, ${report.refused} refused, ${report.skipped} skipped (source CRS ${report.sourceCrs}).`,
    );
    return 0;
  },
  async 'import-incidents'(options) {
    const format = (typeof options['format'] === 'string' ? options['format'] : 'nabij') as
      'nabij' | 'police-uk' | 'mapped';
    if (!['nabij', 'police-uk', 'mapped'].includes(format))
      throw new ConfigError('--format', 'use nabij, police-uk or mapped');
    return withContext(async (context) =>
      importIncidentsCommand(context, await zoneBySlug(context, required(options, 'zone')), {
        file: required(options, 'file'),
        format,
        mapping: mappingFromFlags(options),
        allOrNothing: options['all-or-nothing'] === true,
      }),
    );
  },
  async 'import-addresses'(options) {
    const file = required(options, 'file');
    const report = await withContext(async (context) =>
      importAddresses(
        context,
        await zoneBySlug(context, required(options, 'zone')),
        null,
        readFileSync(file, 'utf8'),
      ),
    );
    for (const refused of report.refused) console.log(`line ${refused.line}: ${refused.reason}`);
    console.log(
      `${report.imported} addresses imported (${report.outsideAreas} outside every area), ${report.refused.length} refused.`,
    );
    return report.imported > 0 ? 0 : 1;
  },
};

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === 'help' || command === '--help') {
    console.log(usage);
    return command ? 0 : 2;
  }
  const run = commands[command];
  if (!run) {
    console.error(`Unknown command "${command}".\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    strict: false,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      'single-precision': { type: 'boolean' },
      'all-or-nothing': { type: 'boolean' },
      operator: { type: 'boolean' },
      ...Object.fromEntries(
        [
          'slug',
          'name',
          'languages',
          'default-language',
          'time-zone',
          'projection',
          'email',
          'password',
          'zone',
          'role',
          'file',
          'kind',
          'parent',
          'object',
          'name-property',
          'code-property',
          'population-property',
          'where',
          'name-language',
          'format',
          'id-column',
          'category-column',
          'category',
          'date-column',
          'time-column',
          'date-to-column',
          'date-format',
          'x',
          'y',
          'crs',
          'outcome-column',
          'location-column',
          ...analyseFlags,
        ].map((name) => [name, { type: 'string' as const }]),
      ),
    },
  });
  return run({ ...(values as Options), method: positionals[0] });
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof DataFolderBusyError) console.error(error.message);
    else if (error instanceof AppError) {
      console.error(
        `${translate('en', `error.${error.code}`, error.params)}${error.details.length ? '\n' + error.details.map((d) => `  ${d.path}: ${d.message}`).join('\n') : ''}`,
      );
    } else console.error(error);
    process.exit(1);
  });
